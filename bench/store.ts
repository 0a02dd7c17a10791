// The store's throughput on SQLite and on PostgreSQL (issue 16): sign-in, the session check, an
// audit append and a certificate issuance per second, and the session check's p95 with two replicas
// on one PostgreSQL under load. Throwaway stores: SQLite in a temp dir, PostgreSQL a cluster started
// by test/support/postgres.ts (fsync off, so PostgreSQL's figures are its best case on this disk).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { parsePostgresUrl } from "../lib/schemas/store-config";
import { openPostgresStore } from "../lib/server/store/postgres/open-postgres-store";
import { openSqliteStore } from "../lib/server/store/sqlite/open-sqlite-store";
import type { ConsoleStore } from "../lib/server/store/types";
import { startTestPostgres } from "../test/support/postgres";
import { attempt, type FigureRow, printTable } from "./support/figures-table";
import { fmt, quantile } from "./support/stats";
import {
  appendAudit,
  caIn,
  checkSession,
  csrs,
  drive,
  issue,
  newSession,
  seedUser,
  signIn,
} from "./support/store-workload";

const SIGN_INS = Number(process.env.BENCH_SIGN_INS ?? 100);
const CALLS = Number(process.env.BENCH_CALLS ?? 3000);
const ISSUES = Number(process.env.BENCH_ISSUES ?? 200);
/** Requests in flight at once, as a busy server has them. */
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 8);

const perSecond = (value: number) => `${fmt(value)}/s`;

async function measureStore(rows: FigureRow[], kind: string, store: ConsoleStore, dataDir: string) {
  const user = await seedUser(store, `bench-${kind}`);
  await attempt(rows, `${kind}: sign-in (scrypt included)`, "≥ 10/s", async () => {
    const { perSecond: rate } = await drive(SIGN_INS, IN_FLIGHT, () => signIn(store, user.username));
    return { measured: perSecond(rate), met: rate >= 10 };
  });
  await attempt(rows, `${kind}: session check`, "≥ 1,000/s", async () => {
    const sessions = await Promise.all(Array.from({ length: 100 }, () => newSession(store, user.id)));
    const { perSecond: rate, latenciesMs } = await drive(CALLS, IN_FLIGHT, (run) =>
      checkSession(store, sessions[run % sessions.length]!),
    );
    return {
      measured: `${perSecond(rate)} (p95 ${quantile(latenciesMs, 0.95).toFixed(2)} ms)`,
      met: rate >= 1000,
    };
  });
  await attempt(rows, `${kind}: audit append`, "≥ 1,000/s", async () => {
    const { perSecond: rate } = await drive(CALLS, IN_FLIGHT, (run) => appendAudit(store, run));
    return { measured: perSecond(rate), met: rate >= 1000 };
  });
  await attempt(rows, `${kind}: certificate issuance (CSR, RSA-2048 CA)`, "≥ 20/s", async () => {
    const context = await caIn(store, dataDir);
    const requests = csrs(`bench-${kind}`, ISSUES);
    const { perSecond: rate } = await drive(ISSUES, IN_FLIGHT, (run) => issue(context, requests[run]!));
    return { measured: perSecond(rate), met: rate >= 20 };
  });
}

/**
 * Two stores (two pools, as two replicas have) in this one process on one database: session checks
 * on both while audit appends load both. One event loop serves both, so a check waits behind the
 * other replica's work too: if anything, worse than two processes.
 */
async function measureTwoReplicas(rows: FigureRow[], replicas: [ConsoleStore, ConsoleStore]) {
  await attempt(rows, "postgres, 2 replicas under load: session check p95", "≤ 10 ms", async () => {
    const user = await seedUser(replicas[0], "bench-replicas");
    const sessions = await Promise.all(Array.from({ length: 100 }, () => newSession(replicas[0], user.id)));
    let checking = true;
    const load = replicas.map(async (store) => {
      let run = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (checking) await appendAudit(store, (run += 1));
        }),
      );
      return run;
    });
    const checks = await Promise.all(
      replicas.map((store) =>
        drive(CALLS, IN_FLIGHT, (run) => checkSession(store, sessions[run % sessions.length]!)),
      ),
    );
    checking = false;
    const appended = (await Promise.all(load)).reduce((sum, count) => sum + count, 0);
    const latencies = checks.flatMap(({ latenciesMs }) => latenciesMs);
    const p95 = quantile(latencies, 0.95);
    const rate = checks.reduce((sum, { perSecond: each }) => sum + each, 0);
    return {
      measured: `${p95.toFixed(2)} ms (p50 ${quantile(latencies, 0.5).toFixed(2)} ms; ${perSecond(rate)} checks, ${fmt(appended)} appends meanwhile)`,
      met: p95 <= 10,
    };
  });
}

export async function benchStore(): Promise<void> {
  const rows: FigureRow[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "bench-store-"));
  const postgres = await startTestPostgres();
  try {
    const sqlite = openSqliteStore(join(dataDir, "console.db"));
    try {
      await measureStore(rows, "sqlite", sqlite, dataDir);
    } finally {
      await sqlite.close();
    }

    const parts = parsePostgresUrl(postgres.url);
    if (!parts.ok) throw new Error(parts.message);
    const connection = { ...parts.parts, pool: { max: 10 } };
    const replicas = await Promise.all([
      openPostgresStore({ connection }),
      openPostgresStore({ connection }),
    ]);
    try {
      await measureStore(rows, "postgres", replicas[0], dataDir);
      await measureTwoReplicas(rows, replicas);
    } finally {
      await Promise.all(replicas.map((store) => store.close()));
    }
  } finally {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  printTable(
    `Store (${IN_FLIGHT} in flight; ${SIGN_INS} sign-ins, ${CALLS} checks and appends, ${ISSUES} issuances)`,
    rows,
  );
}
