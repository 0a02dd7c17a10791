// Issuance latency through the CA service as a request runs it: policy, key, signing, the
// inventory row and audit record in SQLite, the zip. RSA-2048 with Node's native key generation,
// the same with node-forge's pure-JavaScript generation (for the record), and CSR signing.
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import forge from "node-forge";

import { caSettingsSchema } from "../lib/schemas/config";
import { ensureAuthority } from "../lib/server/ca/authority";
import type { CaContext } from "../lib/server/ca/context";
import { issueCertificate, signCertificateRequest } from "../lib/server/ca/issuance";
import { openSqliteStore } from "../lib/server/store/sqlite/open-sqlite-store";
import { clientCsrPem } from "./support/client-csr";

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const PURE_JS_RUNS = Number(process.env.BENCH_PURE_JS_RUNS ?? 10);
const ACTOR = { role: "operator" as const, actor: "user:bench" };

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms (n=${sorted.length})`;
}

function measure(runs: number, fn: (run: number) => void): number[] {
  return Array.from({ length: runs }, (_, run) => {
    const began = performance.now();
    fn(run);
    return performance.now() - began;
  });
}

// One after another, as one client would: the CA's worker threads do the signing.
async function measureAsync(runs: number, fn: (run: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const began = performance.now();
    await fn(run);
    samples.push(performance.now() - began);
  }
  return samples;
}

export async function benchCertificateIssuance(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-ca-"));
  const store = openSqliteStore(join(dataDir, "console.db"));
  const context: CaContext = {
    store,
    settings: caSettingsSchema(() => ({ ok: false, message: "unused" })).parse({}),
    dataDir,
    clusterCertificates: [],
    brokerHosts: [],
    now: () => new Date(),
    audit: async (event, into = store) => void (await into.audit.append(event)),
  };
  try {
    await ensureAuthority(context);
    const issue = (prefix: string) => async (run: number) => {
      const result = await issueCertificate(
        context,
        {
          commonName: `${prefix}-${run}`,
          subjectAltNames: [],
          validityDays: 90,
          keyType: "rsa-2048",
          serverAuth: false,
        },
        ACTOR,
      );
      if (!result.ok) throw new Error(result.error);
    };
    console.log(
      `issue RSA-2048, native key generation: ${summary(await measureAsync(RUNS, issue("native")))}`,
    );

    // Key generation alone, to set the two generators side by side; the rest of an issuance is the
    // same whichever made the key.
    const native = measure(RUNS, () => generateKeyPairSync("rsa", { modulusLength: 2048 }));
    console.log(`RSA-2048 key generation alone, native: ${summary(native)}`);
    const forgeOptions = (forge as unknown as { options: { usePureJavaScript: boolean } }).options;
    forgeOptions.usePureJavaScript = true;
    const pureJs = measure(PURE_JS_RUNS, () => forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }));
    forgeOptions.usePureJavaScript = false;
    console.log(`RSA-2048 key generation alone, node-forge pure JavaScript: ${summary(pureJs)}`);

    const csrs = Array.from({ length: RUNS }, (_, run) => clientCsrPem(`csr-${run}`));
    const signing = await measureAsync(RUNS, async (run) => {
      const result = await signCertificateRequest(
        context,
        { csrPem: csrs[run]!, validityDays: 90, serverAuth: false, subjectAltNames: undefined },
        ACTOR,
      );
      if (!result.ok) throw new Error(result.error);
    });
    console.log(`sign a CSR (RSA-2048): ${summary(signing)}`);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
