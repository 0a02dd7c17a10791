// What a hostile CSR does to everyone else (issue 10): a cheap HTTP endpoint served by this thread
// is pinged every 10 ms from a worker thread while the CA judges the CSR. "Old path" is what
// parseCsr() did before: forge's verify() on the serving thread, before any look at the key.
// Then the same and worse-case CSRs through today's signCertificateRequest(), and ordinary
// issuance load, with the answer times the pinging client saw meanwhile.
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

import forge from "node-forge";

import { caSettingsSchema } from "../lib/schemas/config";
import { ensureAuthority } from "../lib/server/ca/authority";
import type { CaContext } from "../lib/server/ca/context";
import { bigInteger, csrWithKey, randomOdd } from "../test/fixtures/csr";
import { issueCertificate, signCertificateRequest } from "../lib/server/ca/issuance";
import { openSqliteStore } from "../lib/server/store/sqlite/open-sqlite-store";
import type { ConsoleStore } from "../lib/server/store/types";
import { clientCsrPem } from "./support/client-csr";
import { fmt, median, quantile } from "./support/stats";

const ACTOR = { role: "operator" as const, actor: "user:bench" };

// The client runs in its own thread so it keeps asking while this one is blocked.
const PINGER = `
const { parentPort, workerData } = require("node:worker_threads");
let sampling = true;
const samples = [];
parentPort.on("message", () => { sampling = false; });
(async () => {
  while (sampling) {
    const began = performance.now();
    await fetch(workerData.url).then((response) => response.text());
    samples.push(performance.now() - began);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  parentPort.postMessage(samples);
})();
`;

async function whilePinged(url: string, label: string, work: () => unknown): Promise<void> {
  const pinger = new Worker(PINGER, { eval: true, workerData: { url } });
  const samples = new Promise<number[]>((resolve) => pinger.once("message", resolve));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const began = performance.now();
  const outcome = await work();
  const took = performance.now() - began;
  await new Promise((resolve) => setTimeout(resolve, 100));
  pinger.postMessage("stop");
  // The first answer includes the connection's set-up.
  const answers = (await samples).slice(1);
  await pinger.terminate();
  const detail = typeof outcome === "string" ? ` → ${outcome}` : "";
  console.log(
    `${label}: ${fmt(took)} ms${detail}\n  server answers meanwhile: median ${median(answers).toFixed(1)} ms, p99 ${quantile(answers, 0.99).toFixed(1)} ms, max ${fmt(Math.max(...answers))} ms (n=${answers.length})`,
  );
}

export async function benchCsrFreeze(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-csr-freeze-"));
  const store = openSqliteStore(join(dataDir, "console.db"));
  // Not annotated where it is written: CaContext gains fields (brokerHosts) the bench leaves empty.
  const fields = {
    store,
    settings: caSettingsSchema(() => ({ ok: false, message: "unused" })).parse({}),
    dataDir,
    clusterCertificates: [],
    brokerHosts: [],
    now: () => new Date(),
    audit: async (event: Parameters<CaContext["audit"]>[0], into: ConsoleStore = store) =>
      void (await into.audit.append(event)),
  };
  const context: CaContext = fields;
  const server = createServer((_request, response) => response.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const sign = async (csrPem: string) => {
    const result = await signCertificateRequest(
      context,
      { csrPem, validityDays: 30, serverAuth: false, subjectAltNames: undefined },
      ACTOR,
    );
    return result.ok ? "signed" : `${result.status}: ${result.error.slice(0, 70)}…`;
  };
  try {
    await ensureAuthority(context);
    await sign(clientCsrPem("warm-up")); // starts the CA's worker threads
    const hostile = csrWithKey(randomOdd(8192), randomOdd(8192));
    console.log(`hostile CSR: 8192-bit modulus and exponent, ${hostile.length} bytes of PEM`);
    await whilePinged(url, "idle", () => new Promise((resolve) => setTimeout(resolve, 500)));
    await whilePinged(url, "old path: forge verify() on the serving thread", () => {
      try {
        return forge.pki.certificationRequestFromPem(hostile, true, true).verify() ? "verified" : "refused";
      } catch (error) {
        return `refused (${(error as Error).message})`;
      }
    });
    await whilePinged(url, "signCertificateRequest(hostile CSR)", () => sign(hostile));
    const worstAccepted = csrWithKey(randomOdd(8192), bigInteger(2 ** 31 - 1));
    await whilePinged(
      url,
      "signCertificateRequest(8192-bit n, e = 2^31 − 1: the worst key judged acceptable)",
      () => sign(worstAccepted),
    );
    const csrs = Array.from({ length: 20 }, (_, n) => clientCsrPem(`load-${n}`));
    await whilePinged(url, "20 RSA-2048 CSRs signed, 4 at a time", async () => {
      for (let n = 0; n < csrs.length; n += 4) await Promise.all(csrs.slice(n, n + 4).map(sign));
    });
    await whilePinged(url, "old path: 4 RSA-4096 keys generated on the serving thread", () => {
      for (let n = 0; n < 4; n++) generateKeyPairSync("rsa", { modulusLength: 4096 });
    });
    await whilePinged(url, "4 RSA-4096 certificates issued with a PKCS#12, one after another", async () => {
      for (let n = 0; n < 4; n++) {
        const issued = await issueCertificate(
          context,
          {
            commonName: `rsa4096-${n}`,
            subjectAltNames: [],
            validityDays: 30,
            keyType: "rsa-4096",
            serverAuth: false,
            pkcs12Password: "bench-password",
          },
          ACTOR,
        );
        if (!issued.ok) throw new Error(issued.error);
      }
    });
  } finally {
    server.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
