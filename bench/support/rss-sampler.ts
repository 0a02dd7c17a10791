// Samples this process's memory every 200 ms: resident set (the figure with a target), and the V8
// heap and ArrayBuffers (Kafka's fetched bytes) to tell where a peak comes from.
import { median } from "./stats";

export interface MemorySummary {
  /** Resident set size, MB (10^6 bytes, the unit of the target). */
  peakMB: number;
  medianMB: number;
  /** RSS when sampling started. */
  baselineMB: number;
  heapPeakMB: number;
  buffersPeakMB: number;
  samples: number;
}

export function sampleMemory(everyMs = 200) {
  const rss: number[] = [];
  let heapPeak = 0;
  let buffersPeak = 0;
  const take = () => {
    const usage = process.memoryUsage();
    rss.push(usage.rss / 1e6);
    heapPeak = Math.max(heapPeak, usage.heapUsed / 1e6);
    buffersPeak = Math.max(buffersPeak, usage.arrayBuffers / 1e6);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop(): MemorySummary {
      clearInterval(timer);
      take();
      return {
        peakMB: Math.max(...rss),
        medianMB: median(rss),
        baselineMB: rss[0]!,
        heapPeakMB: heapPeak,
        buffersPeakMB: buffersPeak,
        samples: rss.length,
      };
    },
  };
}

export const describeMemory = (memory: MemorySummary) =>
  `RSS peak ${memory.peakMB.toFixed(0)} MB, median ${memory.medianMB.toFixed(0)} MB (from ${memory.baselineMB.toFixed(0)} MB); V8 heap peak ${memory.heapPeakMB.toFixed(0)} MB, ArrayBuffers peak ${memory.buffersPeakMB.toFixed(0)} MB`;
