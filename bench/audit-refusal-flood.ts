// The audit trail under a flood of refused requests (issue 10: a client with a bogus bearer token
// got ~376 refusals a second into the trail). One simulated hour at that rate, into a real SQLite
// file with the store's clock moved by hand: rows and bytes when every refusal is a row (the old
// path), and through the refusal ledger (lib/server/auth/refusal-ledger.ts) with the console's
// limits, for one client and for a client that changes its address and token id on every request.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { RefusalLedger } from "../lib/server/auth/refusal-ledger";
import { REFUSAL_LIMITS } from "../lib/server/auth/refusals";
import { openSqliteStore } from "../lib/server/store/sqlite/open-sqlite-store";
import type { AuditEventInput, ConsoleStore } from "../lib/server/store/types";

const RATE = Number(process.env.BENCH_REFUSALS_PER_SECOND ?? 376);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3_600);
const START = Date.parse("2025-03-01T10:00:00.000Z");

type Source = (request: number) => AuditEventInput;

/** What lib/server/auth/principal.ts records for an unknown token, request id and all. */
const refusal = (clientAddress: string, tokenId: string): AuditEventInput => ({
  actor: "anonymous",
  action: "auth.token-rejected",
  target: `token:${tokenId}`,
  outcome: "failure",
  clientAddress,
  requestId: randomUUID(),
  details: { reason: "unknown-token", scheme: "bearer" },
});

const oneClient: Source = () => refusal("203.0.113.7", "AAAAbogus123");
const spoofedSources: Source = (request) =>
  refusal(`2001:db8::${request.toString(16)}`, `id${request.toString(36).padStart(10, "0")}`);

interface Outcome {
  rows: number;
  bytes: number;
  refusals: number;
  maxTallies: number;
}

/** Empty store's size first, so the figure is the trail's growth alone. */
async function run(source: Source, throughLedger: boolean): Promise<Outcome> {
  const directory = mkdtempSync(join(tmpdir(), "bench-audit-flood-"));
  try {
    const path = join(directory, "console.db");
    let now = START;
    const store = openSqliteStore(path, { clock: () => new Date(now) });
    const ledger = new RefusalLedger(REFUSAL_LIMITS);
    const empty = statSync(path).size;
    let rows = 0;
    let refusals = 0;
    let maxTallies = 0;
    const write = async (into: ConsoleStore, row: AuditEventInput) => {
      await into.audit.append(row);
      rows += 1;
      refusals += row.count ?? 1;
    };
    for (let second = 0; second < SECONDS; second++) {
      // One transaction a simulated second keeps the bench quick; the rows and bytes are the same
      // as the server's one autocommit per refusal.
      await store.transaction(async (tx) => {
        for (let index = 0; index < RATE; index++) {
          const request = second * RATE + index;
          now = START + second * 1_000 + Math.floor((index * 1_000) / RATE);
          const event = source(request);
          if (!throughLedger) await write(tx, event);
          else {
            for (const row of ledger.record(event, now)) await write(tx, row);
            maxTallies = Math.max(maxTallies, ledger.size);
          }
        }
      });
    }
    now = START + SECONDS * 1_000;
    for (const row of ledger.closeWindow(now, true)) await write(store, row);
    await store.close(); // checkpoints the WAL into the file
    return { rows, bytes: statSync(path).size - empty, refusals, maxTallies };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const perHour = (value: number) => Math.round((value * 3_600) / SECONDS);
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export async function benchAuditRefusalFlood(): Promise<void> {
  console.log(
    `${RATE} refusals/s for ${SECONDS} s (${(RATE * SECONDS).toLocaleString("en")} refusals); ` +
      `window ${REFUSAL_LIMITS.windowMs / 1_000} s, at most ${REFUSAL_LIMITS.maxTallies} tallies`,
  );
  for (const [name, source] of [
    ["one client, one bogus token", oneClient],
    ["new address and token id every request", spoofedSources],
  ] as const) {
    for (const [path, throughLedger] of [
      ["a row per refusal (before)", false],
      ["through the ledger (after)", true],
    ] as const) {
      const began = performance.now();
      const outcome = await run(source, throughLedger);
      const seconds = (performance.now() - began) / 1_000;
      console.log(
        `${name}, ${path}: ${perHour(outcome.rows).toLocaleString("en")} rows/hour, ` +
          `${megabytes(perHour(outcome.bytes))}/hour (${Math.round(outcome.bytes / outcome.rows)} bytes/row); ` +
          `counts add up to ${outcome.refusals.toLocaleString("en")}` +
          (throughLedger ? `; at most ${outcome.maxTallies} tallies held` : "") +
          ` [${seconds.toFixed(1)} s]`,
      );
    }
  }
}
