// Start time and resident memory of the local broker (a throwaway one, so the demo cluster is untouched).
import { readFileSync } from "node:fs";

import { brokerStatus } from "../scripts/cluster/broker";
import { startTestBroker } from "../test/support/broker";

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

export async function benchBrokerStart(runs = 3): Promise<void> {
  const starts: number[] = [];
  const resident: number[] = [];
  for (let run = 0; run < runs; run++) {
    const began = performance.now();
    const broker = await startTestBroker();
    starts.push(performance.now() - began);
    const pid = brokerStatus(broker.dir)?.pid;
    if (pid) {
      await new Promise((resolve) => setTimeout(resolve, 5_000)); // let the JVM settle after start-up
      resident.push(residentMiB(pid));
    }
    await broker.dispose();
  }
  const fmt = (values: number[], unit: string, scale = 1) =>
    `median ${(median(values) / scale).toFixed(1)} ${unit} (runs: ${values.map((v) => (v / scale).toFixed(1)).join(", ")})`;
  console.log(
    `broker start (format + JVM start + first metadata answer, heap 256m): ${fmt(starts, "s", 1000)}`,
  );
  console.log(`broker resident memory 5 s after ready: ${fmt(resident, "MiB")}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
