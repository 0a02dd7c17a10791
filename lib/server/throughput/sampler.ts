// The throughput sampler: each round reads every topic's high watermarks and log sizes on every
// configured cluster, and stores what was produced since the previous round (lib/throughput/rates.ts)
// per topic and per cluster. On the lag history's schedule and tiers, once per deployment through its
// own lease in the same store. The previous round's counters live in memory only: the first round after
// a start, or after this process got the lease back, only primes (so nothing is counted twice).
import type { ClusterCounters, ClusterResult } from "@/lib/server/kafka";
import type { LeaseStore, ThroughputSampleInput, ThroughputStore } from "@/lib/server/store";
import { CLUSTER_TOTAL } from "@/lib/server/store/throughput-types";
import { lagHistoryTiers } from "@/lib/lag-history/tiers";
import {
  clusterFailureLog,
  createLeasedSchedule,
  type LeasedSchedule,
} from "@/lib/server/sampling/leased-schedule";
import { throughputBetween, type CountersSnapshot } from "@/lib/throughput/rates";

export const THROUGHPUT_LEASE = "topic-throughput-sampler";
const PRUNE_EVERY_MS = 10 * 60_000;

export interface ThroughputSamplerOptions {
  store: { throughput: ThroughputStore; leases: LeaseStore };
  clusters: () => readonly string[];
  readCounters: (cluster: string) => Promise<ClusterResult<ClusterCounters>>;
  owner: string;
  intervalMs: number;
  retentionSeconds: number;
  now?: () => number;
  log?: (line: string) => void;
}

export interface ThroughputRoundResult {
  /** False when another process holds the lease: nothing was read or written. */
  sampled: boolean;
  topics: number;
  /** Clusters that had a previous round to compare with. */
  intervals: number;
  rowsWritten: number;
  rowsPruned: number;
  resets: number;
  failedClusters: string[];
  durationMs: number;
}

/** One round now, the timer, stop, and for /metrics the rounds, the lease and the last round. */
export type ThroughputSampler = LeasedSchedule<ThroughputRoundResult>;

export function createThroughputSampler(options: ThroughputSamplerOptions): ThroughputSampler {
  const { store, owner, intervalMs } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const tiers = lagHistoryTiers(options.retentionSeconds);
  const previous = new Map<string, CountersSnapshot>();
  const noteCluster = clusterFailureLog("Throughput", log);
  let lastPruneMs = -Infinity;

  async function round(holdLease: () => Promise<boolean>): Promise<ThroughputRoundResult> {
    const began = performance.now();
    const result: ThroughputRoundResult = {
      sampled: false,
      topics: 0,
      intervals: 0,
      rowsWritten: 0,
      rowsPruned: 0,
      resets: 0,
      failedClusters: [],
      durationMs: 0,
    };
    const done = () => ({ ...result, durationMs: performance.now() - began });
    if (!(await holdLease())) return done();
    const clusters = options.clusters();
    const answers = await Promise.all(clusters.map((cluster) => options.readCounters(cluster)));
    if (!(await holdLease())) return done();
    const atSeconds = Math.floor(now() / 1000);
    const samples: ThroughputSampleInput[] = [];
    answers.forEach((answer, index) => {
      const cluster = clusters[index]!;
      if (!answer.ok) {
        result.failedClusters.push(cluster);
        return noteCluster(cluster, answer.problem.title);
      }
      noteCluster(cluster, undefined);
      const current = answer.data.snapshot;
      result.topics += current.topics.size;
      const before = previous.get(cluster);
      previous.set(cluster, current);
      const interval = before && throughputBetween(before, current);
      if (!interval) return;
      result.intervals += 1;
      result.resets += interval.resets;
      samples.push({ cluster, topic: CLUSTER_TOTAL, ms: interval.ms, ...interval.cluster });
      for (const [topic, grown] of interval.topics)
        samples.push({ cluster, topic, ms: interval.ms, ...grown });
    });
    result.sampled = true;
    result.rowsWritten = await store.throughput.record(atSeconds, samples, tiers);
    if (now() - lastPruneMs >= PRUNE_EVERY_MS) {
      lastPruneMs = now();
      result.rowsPruned = await store.throughput.prune(atSeconds, tiers);
    }
    return done();
  }

  return createLeasedSchedule({
    leases: store.leases,
    lease: THROUGHPUT_LEASE,
    owner,
    intervalMs,
    now,
    log,
    label: "Throughput",
    work: "samples topics' high watermarks",
    round,
    // Another process sampled meanwhile: comparing with our old counters would count its intervals again.
    onLeaseMissed: () => previous.clear(),
  });
}
