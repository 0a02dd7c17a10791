// A throwaway real schema registry (Apicurio, Confluent-compatible API) for one test file: its own
// temp dir, a free loopback port. ~4 s to start: one per test file at most.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { registryStatus, startRegistry, stopRegistry } from "../../scripts/cluster/schema-registry";
import { freePort } from "./free-port";

export interface TestRegistry {
  /** Base URL of the Confluent-compatible API (…/apis/ccompat/v7). */
  url: string;
  port: number;
  dispose(): Promise<void>;
}

export async function startTestRegistry(): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "kafka-console-registry-"));
  const port = await freePort();
  // A crashed test run must not leave a JVM behind.
  const killOnExit = () => {
    const status = registryStatus(dir);
    if (status?.running) process.kill(status.pid, "SIGKILL");
  };
  process.once("exit", killOnExit);
  const registry = await startRegistry({ dir, port });
  return {
    url: registry.url,
    port,
    dispose: async () => {
      await stopRegistry(dir, 5_000);
      process.removeListener("exit", killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
