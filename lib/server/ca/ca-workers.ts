import "server-only";

// The CA's worker pool (ca-worker.mjs): CSR signature checks, key generation, certificate
// signatures and PKCS#12 files run there, off the thread that serves requests. One pool per
// process, kept on globalThis so Next's dev reloads do not start another.
import { actionError, type ActionResult } from "@/lib/errors";
import { isWorkerPoolError, WorkerPool } from "@/lib/server/workers/worker-pool";
import { workerFile } from "@/lib/server/workers/worker-file";

import type { RsaKeySize } from "./keys";

interface CaTasks {
  verifyCsrSignature: { input: { csrPem: string }; output: boolean };
  /** PKCS#8 PEM. */
  generateRsaKey: { input: { bits: RsaKeySize }; output: string };
  signSha256WithRsa: { input: { data: Uint8Array; privateKeyPem: string }; output: Uint8Array };
  buildPkcs12: {
    input: { privateKeyPem: string; certificatePems: string[]; password: string; friendlyName: string };
    output: Uint8Array;
  };
}

// Generous for the work itself (RSA-4096 generation can take a few seconds on a slow core); the
// limit is there for what should never happen.
const TASK_TIMEOUT_MS = 30_000;

const holder = globalThis as { caWorkerPool?: WorkerPool };

function pool(): WorkerPool {
  holder.caWorkerPool ??= new WorkerPool({
    name: "certificate work",
    file: workerFile("lib/server/ca/ca-worker.mjs"),
    timeoutMs: TASK_TIMEOUT_MS,
    maxHeapMb: 256,
  });
  return holder.caWorkerPool;
}

export function runCaTask<K extends keyof CaTasks>(
  task: K,
  input: CaTasks[K]["input"],
): Promise<CaTasks[K]["output"]> {
  return pool().run(task, input);
}

/**
 * Runs `work`; a full queue, a task past its time limit or a failed worker becomes a 503 with the
 * pool's message instead of an exception (Next hides thrown messages in production).
 */
export async function withCaWorkers<T>(work: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (isWorkerPoolError(error)) return actionError(503, error.message);
    throw error;
  }
}
