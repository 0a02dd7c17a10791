// Figures taken through the engine in process: time to the first records, and full-scan rates.
import { messageQuerySchema, type MessageQueryInput } from "@/lib/schemas/messages";

import { BENCH_HOLDER, type SearchMessages } from "./engine";
import { sampleMemory, type MemorySummary } from "./rss-sampler";
/** Milliseconds from calling searchMessages to the first `records` event, per run (first run cold). */
export async function firstRecordsMs(
  searchMessages: SearchMessages,
  cluster: string,
  topic: string,
  runs: number,
): Promise<number[]> {
  const query = messageQuerySchema.parse({ start: "newest", max: "50" });
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const controller = new AbortController();
    try {
      const began = performance.now();
      const start = await searchMessages(cluster, topic, query, {
        signal: controller.signal,
        holder: BENCH_HOLDER,
      });
      if (!start.ok) throw new Error(`newest-50 refused: ${start.problem.title}`);
      let records = 0;
      for await (const event of start.events) {
        if (event.type === "error") throw new Error(`newest-50 failed: ${event.problem.title}`);
        if (event.type === "records" && event.records.length > 0) {
          samples.push(performance.now() - began);
          records = event.records.length;
          break;
        }
      }
      if (records === 0) throw new Error("newest-50 ended without records");
    } finally {
      controller.abort();
    }
  }
  return samples;
}

export interface ScanFigure {
  seconds: number;
  /** This process's CPU (all threads: the engine, its filter workers) during the scan. */
  cpuSeconds: number;
  /** From calling searchMessages to the first matching record. */
  firstMatchMs: number | null;
  scanned: number;
  matched: number;
  reason: string;
  memory: MemorySummary;
}

/** A whole search, events drained as fast as they come; counts the records it received. */
export async function scan(
  searchMessages: SearchMessages,
  cluster: string,
  topic: string,
  input: MessageQueryInput,
): Promise<ScanFigure> {
  const query = messageQuerySchema.parse(input);
  const controller = new AbortController();
  const sampler = sampleMemory();
  const cpuBefore = process.cpuUsage();
  try {
    const began = performance.now();
    let firstMatchMs: number | null = null;
    const start = await searchMessages(cluster, topic, query, {
      signal: controller.signal,
      holder: BENCH_HOLDER,
    });
    if (!start.ok) throw new Error(`search refused: ${start.problem.title} (${start.problem.hint})`);
    let matched = 0;
    let filterErrors = 0;
    for await (const event of start.events) {
      if (event.type === "records") {
        matched += event.records.length;
        if (event.records.length > 0) firstMatchMs ??= performance.now() - began;
      } else if (event.type === "filter-error") filterErrors++;
      else if (event.type === "error") throw new Error(`search failed: ${event.problem.title}`);
      else if (event.type === "done") {
        const seconds = (performance.now() - began) / 1000;
        if (filterErrors > 0) console.log(`  (${filterErrors} filter errors reported)`);
        const { scanned } = event.counters;
        const cpu = process.cpuUsage(cpuBefore);
        const cpuSeconds = (cpu.user + cpu.system) / 1e6;
        const memory = sampler.stop();
        return { seconds, cpuSeconds, firstMatchMs, scanned, matched, reason: event.reason, memory };
      }
    }
    throw new Error("the search ended without a done event");
  } finally {
    sampler.stop();
    controller.abort();
  }
}

/** Milliseconds to the first match of a full scan (the search is stopped there), per run. */
export async function firstMatchMs(
  searchMessages: SearchMessages,
  cluster: string,
  topic: string,
  input: MessageQueryInput,
  runs: number,
): Promise<number[]> {
  const query = messageQuerySchema.parse(input);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const controller = new AbortController();
    try {
      const began = performance.now();
      const start = await searchMessages(cluster, topic, query, {
        signal: controller.signal,
        holder: BENCH_HOLDER,
      });
      if (!start.ok) throw new Error(`search refused: ${start.problem.title}`);
      for await (const event of start.events) {
        if (event.type === "error") throw new Error(`search failed: ${event.problem.title}`);
        if (event.type === "records" && event.records.length > 0) {
          samples.push(performance.now() - began);
          break;
        }
        if (event.type === "done") throw new Error("the search ended without a match");
      }
    } finally {
      controller.abort();
    }
  }
  return samples;
}
