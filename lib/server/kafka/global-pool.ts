// One pool per server process. Next.js dev reloads modules on every change, so the pool lives on
// globalThis: a reload must not open a second set of connections and leak the first.
import { createHash } from "node:crypto";

import { getConfig } from "@/lib/server/config";
import type { ClusterConnection } from "@/lib/schemas/cluster";

import { createClusterPool, type ClusterPool } from "./cluster-pool";

const POOL = Symbol.for("kafka-console.kafka.cluster-pool");
const SHUTDOWN_HOOKED = Symbol.for("kafka-console.kafka.shutdown-hooked");
const CLOSE_ON_SHUTDOWN_MS = 3_000;

interface PoolSlot {
  pool: ClusterPool;
  /** Hash of the connections it was built from; a reloaded configuration gets a new pool. */
  fingerprint: string;
}

type GlobalWithPool = typeof globalThis & { [POOL]?: PoolSlot; [SHUTDOWN_HOOKED]?: boolean };
const shared = globalThis as GlobalWithPool;

export function currentPool(): ClusterPool {
  const { clusters } = getConfig();
  const fingerprint = fingerprintOf(clusters);
  const slot = shared[POOL];
  if (slot?.fingerprint === fingerprint) return slot.pool;
  if (slot) void slot.pool.close();
  const pool = createClusterPool(clusters);
  shared[POOL] = { pool, fingerprint };
  closeOnShutdown();
  return pool;
}

/** The pool when one is open, without opening one (for /metrics). */
export function existingPool(): ClusterPool | undefined {
  return shared[POOL]?.pool;
}

export async function closeCurrentPool(): Promise<void> {
  const slot = shared[POOL];
  shared[POOL] = undefined;
  await slot?.pool.close();
}

/** The hash never leaves the process; it only tells whether the secrets or addresses changed. */
function fingerprintOf(clusters: ClusterConnection[]): string {
  return createHash("sha256").update(JSON.stringify(clusters)).digest("hex");
}

function closeOnShutdown() {
  if (shared[SHUTDOWN_HOOKED]) return;
  shared[SHUTDOWN_HOOKED] = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      const giveUp = new Promise((resolve) => setTimeout(resolve, CLOSE_ON_SHUTDOWN_MS).unref());
      void Promise.race([closeCurrentPool(), giveUp])
        .catch(() => {})
        .finally(() => {
          // Listening to a signal cancels Node's default exit: when nobody else (Next.js) handles it, exit as it would have.
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    });
  }
}
