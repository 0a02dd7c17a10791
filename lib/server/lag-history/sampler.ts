// The lag history's sampler: every interval, one round reads every group's lag on every configured
// cluster and writes it to the store. Once per deployment, on the store's lease: the schedule, the
// lease and the failure logging are lib/server/sampling/leased-schedule.ts.
import type { ClusterResult, ClusterLagSnapshot } from "@/lib/server/kafka";
import type { LagHistoryStore, LagSampleInput, LeaseStore } from "@/lib/server/store";
import { lagHistoryTiers } from "@/lib/lag-history/tiers";
import {
  clusterFailureLog,
  createLeasedSchedule,
  type LeasedSchedule,
  type ScheduleStats,
} from "@/lib/server/sampling/leased-schedule";

export const SAMPLER_LEASE = "group-lag-sampler";
/** Old rows go at most this often: the delete scans the table. */
const PRUNE_EVERY_MS = 10 * 60_000;

export interface LagSamplerOptions {
  store: { lagHistory: LagHistoryStore; leases: LeaseStore };
  clusters: () => readonly string[];
  readLag: (cluster: string) => Promise<ClusterResult<ClusterLagSnapshot>>;
  /** This process's name in the lease. */
  owner: string;
  intervalMs: number;
  retentionSeconds: number;
  /** Unix milliseconds; tests pass their own. */
  now?: () => number;
  log?: (line: string) => void;
}

export interface RoundResult {
  /** False when another process holds the lease: nothing was read or written. */
  sampled: boolean;
  groups: number;
  rowsWritten: number;
  rowsPruned: number;
  failedClusters: string[];
  durationMs: number;
}

/** The schedule's stats (lib/server/sampling/leased-schedule.ts) for this sampler's rounds. */
export type LagSamplerStats = ScheduleStats<RoundResult>;

/** One round now, the timer, stop (lets a running round finish without writing), stats. */
export type LagSampler = LeasedSchedule<RoundResult>;

export function createLagSampler(options: LagSamplerOptions): LagSampler {
  const { store, owner, intervalMs } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const tiers = lagHistoryTiers(options.retentionSeconds);
  const noteCluster = clusterFailureLog("Lag history", log);
  let lastPruneMs = -Infinity;

  async function round(holdLease: () => Promise<boolean>): Promise<RoundResult> {
    const began = performance.now();
    const result: RoundResult = {
      sampled: false,
      groups: 0,
      rowsWritten: 0,
      rowsPruned: 0,
      failedClusters: [],
      durationMs: 0,
    };
    if (!(await holdLease())) return { ...result, durationMs: performance.now() - began };
    const atSeconds = Math.floor(now() / 1000);
    const clusters = options.clusters();
    const answers = await Promise.all(clusters.map((cluster) => options.readLag(cluster)));
    const samples: LagSampleInput[] = [];
    answers.forEach((answer, index) => {
      const cluster = clusters[index]!;
      if (!answer.ok) {
        result.failedClusters.push(cluster);
        return noteCluster(cluster, answer.problem.title);
      }
      const { groups, failure } = answer.data;
      if (failure) result.failedClusters.push(cluster);
      noteCluster(cluster, failure);
      for (const group of groups) samples.push({ cluster, ...group });
    });
    // Stopped meanwhile, or the lease went to another process during a slow read: write nothing.
    if (!(await holdLease())) return { ...result, durationMs: performance.now() - began };
    result.sampled = true;
    result.groups = samples.length;
    result.rowsWritten = await store.lagHistory.record(atSeconds, samples, tiers);
    if (now() - lastPruneMs >= PRUNE_EVERY_MS) {
      lastPruneMs = now();
      result.rowsPruned = await store.lagHistory.prune(atSeconds, tiers);
    }
    result.durationMs = performance.now() - began;
    return result;
  }

  return createLeasedSchedule({
    leases: store.leases,
    lease: SAMPLER_LEASE,
    owner,
    intervalMs,
    now,
    log,
    label: "Lag history",
    work: "samples consumer groups' lag",
    round,
    logSlowRounds: true,
  });
}
