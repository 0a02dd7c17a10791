// The lag history's sampler: every interval, one round reads every group's lag on every configured
// cluster and writes it to the store. Once per deployment: a round runs only while this process holds
// the store's lease, renewed each tick; another process takes over when it expires. A tick that comes
// while a round still runs is skipped and counted; a cluster's failure is logged when it starts and
// when it ends, not every round.
import type { ClusterResult, ClusterLagSnapshot } from "@/lib/server/kafka";
import type { LagHistoryStore, LagSampleInput, LeaseStore } from "@/lib/server/store";
import { lagHistoryTiers } from "@/lib/lag-history/tiers";

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

export interface LagSamplerStats {
  rounds: number;
  skippedRounds: number;
  holdsLease: boolean;
  lastRound?: RoundResult;
  /** When the last round ended (epoch ms). */
  lastRoundAt?: number;
}

export interface LagSampler {
  /** One round now (the timer's work; tests and the bench call it directly). */
  runRound(): Promise<RoundResult>;
  /** Starts the timer; the first round runs at once. */
  start(): void;
  /** Stops the timer, lets a running round finish without writing, gives the lease up. */
  stop(): Promise<void>;
  stats(): LagSamplerStats;
}

export function createLagSampler(options: LagSamplerOptions): LagSampler {
  const { store, owner, intervalMs } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const tiers = lagHistoryTiers(options.retentionSeconds);
  // Long enough that a slow round or a late tick does not hand the work over by mistake.
  const leaseMs = Math.max(3 * intervalMs, 30_000);
  const stats: LagSamplerStats = { rounds: 0, skippedRounds: 0, holdsLease: false };
  const clusterStates = new Map<string, string>();
  let running: Promise<RoundResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastPruneMs = -Infinity;
  let leaseLogged: boolean | undefined;

  function holdLease(): boolean {
    if (stopped) return (stats.holdsLease = false);
    const held = store.leases.acquire(SAMPLER_LEASE, owner, now(), leaseMs);
    if (held !== leaseLogged) {
      leaseLogged = held;
      const holder = store.leases.holder(SAMPLER_LEASE)?.owner ?? "nobody";
      log(
        held
          ? `Lag history: this process (${owner}) samples consumer groups' lag.`
          : `Lag history: ${holder} samples consumer groups' lag; this process (${owner}) waits.`,
      );
    }
    stats.holdsLease = held;
    return held;
  }

  function noteCluster(cluster: string, failure: string | undefined): void {
    const state = failure ?? "ok";
    const previous = clusterStates.get(cluster);
    clusterStates.set(cluster, state);
    if (state === previous || (previous === undefined && state === "ok")) return;
    log(
      failure
        ? `Lag history: cluster ${cluster} cannot be sampled: ${failure}`
        : `Lag history: cluster ${cluster} is sampled again.`,
    );
  }

  async function round(): Promise<RoundResult> {
    const began = performance.now();
    const result: RoundResult = {
      sampled: false,
      groups: 0,
      rowsWritten: 0,
      rowsPruned: 0,
      failedClusters: [],
      durationMs: 0,
    };
    if (!holdLease()) return { ...result, durationMs: performance.now() - began };
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
    if (stopped || !holdLease()) return { ...result, durationMs: performance.now() - began };
    result.sampled = true;
    result.groups = samples.length;
    result.rowsWritten = store.lagHistory.record(atSeconds, samples, tiers);
    if (now() - lastPruneMs >= PRUNE_EVERY_MS) {
      lastPruneMs = now();
      result.rowsPruned = store.lagHistory.prune(atSeconds, tiers);
    }
    result.durationMs = performance.now() - began;
    return result;
  }

  function runRound(): Promise<RoundResult> {
    const skippedBefore = stats.skippedRounds;
    running = round()
      .then((result) => {
        stats.rounds += 1;
        stats.lastRound = result;
        stats.lastRoundAt = now();
        // Once per slow round, not per skipped tick.
        if (stats.skippedRounds > skippedBefore)
          log(
            `Lag history: a round took ${(result.durationMs / 1000).toFixed(1)} s, longer than the interval (${intervalMs / 1000} s); ${stats.skippedRounds} ticks skipped so far.`,
          );
        return result;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  const logFailure = (error: unknown) =>
    log(`Lag history: a round failed: ${error instanceof Error ? error.message : String(error)}`);

  function tick(): void {
    try {
      if (!running) return void runRound().catch(logFailure);
      stats.skippedRounds += 1;
      // Keep the lease through a long round; the skipped count says rounds are too slow for the interval.
      holdLease();
    } catch (error) {
      // A timer's exception would end the process: a closed or locked store is logged instead.
      logFailure(error);
    }
  }

  return {
    runRound,
    start() {
      if (timer || stopped) return;
      timer = setInterval(tick, intervalMs);
      // The HTTP server keeps the process alive; the sampler never holds it up at exit.
      timer.unref();
      tick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
      store.leases.release(SAMPLER_LEASE, owner);
      stats.holdsLease = false;
    },
    stats: () => ({ ...stats }),
  };
}
