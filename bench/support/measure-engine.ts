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
  try {
    const began = performance.now();
    const start = await searchMessages(cluster, topic, query, {
      signal: controller.signal,
      holder: BENCH_HOLDER,
    });
    if (!start.ok) throw new Error(`search refused: ${start.problem.title} (${start.problem.hint})`);
    let matched = 0;
    let filterErrors = 0;
    for await (const event of start.events) {
      if (event.type === "records") matched += event.records.length;
      else if (event.type === "filter-error") filterErrors++;
      else if (event.type === "error") throw new Error(`search failed: ${event.problem.title}`);
      else if (event.type === "done") {
        const seconds = (performance.now() - began) / 1000;
        if (filterErrors > 0) console.log(`  (${filterErrors} filter errors reported)`);
        const { scanned } = event.counters;
        return { seconds, scanned, matched, reason: event.reason, memory: sampler.stop() };
      }
    }
    throw new Error("the search ended without a done event");
  } finally {
    sampler.stop();
    controller.abort();
  }
}
