// What the lag history's and the throughput's samplers share: a round every interval, run only while
// this process holds the store's lease (renewed each tick; another process takes over when it
// expires), a tick that comes while a round still runs skipped and counted, and a cluster's failure
// logged when it starts and when it ends, not every round. The rounds themselves are the samplers'.
import type { LeaseStore } from "@/lib/server/store";

export interface LeasedScheduleOptions<R> {
  leases: LeaseStore;
  lease: string;
  /** This process's name in the lease. */
  owner: string;
  intervalMs: number;
  now: () => number;
  log: (line: string) => void;
  /** The log lines' prefix: "Lag history", "Throughput". */
  label: string;
  /** What the lease holder does, for the log: "samples consumer groups' lag". */
  work: string;
  /** One round; `holdLease` renews the lease and says whether this process still holds it. */
  round: (holdLease: () => Promise<boolean>) => Promise<R>;
  /** Each time the lease is not held (another process has it, or the schedule stopped). */
  onLeaseMissed?: () => void;
  /** Log a round that outlasted the interval (once per slow round, not per skipped tick). */
  logSlowRounds?: boolean;
}

export interface ScheduleStats<R> {
  rounds: number;
  skippedRounds: number;
  holdsLease: boolean;
  lastRound?: R;
  /** When the last round ended (epoch ms). */
  lastRoundAt?: number;
}

export interface LeasedSchedule<R> {
  /** One round now (the timer's work; tests and the benches call it directly). */
  runRound(): Promise<R>;
  /** Starts the timer; the first round runs at once. */
  start(): void;
  /** Stops the timer, lets a running round finish, gives the lease up. */
  stop(): Promise<void>;
  stats(): ScheduleStats<R>;
}

export function createLeasedSchedule<R extends { durationMs: number }>(
  options: LeasedScheduleOptions<R>,
): LeasedSchedule<R> {
  const { leases, lease, owner, intervalMs, now, log, label } = options;
  // Long enough that a slow round or a late tick does not hand the work over by mistake.
  const leaseMs = Math.max(3 * intervalMs, 30_000);
  const stats: ScheduleStats<R> = { rounds: 0, skippedRounds: 0, holdsLease: false };
  let running: Promise<R> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let leaseLogged: boolean | undefined;

  async function holdLease(): Promise<boolean> {
    const held = !stopped && (await leases.acquire(lease, owner, now(), leaseMs));
    stats.holdsLease = held;
    if (!held) options.onLeaseMissed?.();
    if (held !== leaseLogged && !stopped) {
      leaseLogged = held;
      const holder = (await leases.holder(lease))?.owner ?? "nobody";
      log(
        held
          ? `${label}: this process (${owner}) ${options.work}.`
          : `${label}: ${holder} ${options.work}; this process (${owner}) waits.`,
      );
    }
    return held;
  }

  function runRound(): Promise<R> {
    const skippedBefore = stats.skippedRounds;
    running = options
      .round(holdLease)
      .then((result) => {
        stats.rounds += 1;
        stats.lastRound = result;
        stats.lastRoundAt = now();
        if (options.logSlowRounds && stats.skippedRounds > skippedBefore)
          log(
            `${label}: a round took ${(result.durationMs / 1000).toFixed(1)} s, longer than the interval (${intervalMs / 1000} s); ${stats.skippedRounds} ticks skipped so far.`,
          );
        return result;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  const logFailure = (error: unknown) =>
    log(`${label}: a round failed: ${error instanceof Error ? error.message : String(error)}`);

  function tick(): void {
    try {
      if (!running) return void runRound().catch(logFailure);
      stats.skippedRounds += 1;
      // Keep the lease through a long round; the next interval then spans both.
      void holdLease().catch(logFailure);
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
      await leases.release(lease, owner);
      stats.holdsLease = false;
    },
    stats: () => ({ ...stats }),
  };
}

/** Logs a cluster's sampling failure when it starts and when it ends, not every round. */
export function clusterFailureLog(
  label: string,
  log: (line: string) => void,
): (cluster: string, failure: string | undefined) => void {
  const failing = new Map<string, string>();
  return (cluster, reported) => {
    const failure = reported || undefined;
    if (failure === failing.get(cluster)) return;
    if (failure) failing.set(cluster, failure);
    else failing.delete(cluster);
    log(
      failure
        ? `${label}: cluster ${cluster} cannot be sampled: ${failure}`
        : `${label}: cluster ${cluster} is sampled again.`,
    );
  };
}
