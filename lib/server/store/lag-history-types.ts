// The lag history's and the leases' part of the ConsoleStore (see types.ts).
import type { Tier } from "@/lib/lag-history/tiers";

/** One group's lag at one sampling round. */
export interface LagSampleInput {
  cluster: string;
  groupId: string;
  /** Σ lag over the partitions with a known lag. */
  totalLag: bigint;
  /** How old the next record to consume is, the group's oldest partition; null when not read. */
  timeLagMs: number | null;
  /** Lag per partition; partitions whose lag is unknown are left out. */
  partitions: { topic: string; partition: number; lag: bigint }[];
}

/** A stored point: a sample (resolution 0) or a bucket of samples. */
export interface LagPointRecord {
  /** Unix seconds: the sample's time or the bucket's start. */
  at: number;
  lagLast: bigint;
  lagMax: bigint;
  timeLagLastMs: number | null;
  timeLagMaxMs: number | null;
  /** Present when asked for: the sample's lag per partition; empty for a bucket (totals only). */
  partitions?: { topic: string; partition: number; lag: number }[];
}

export interface LagHistoryStore {
  /** Writes the round's samples into every tier in one transaction; returns the rows written. */
  record(atSeconds: number, samples: readonly LagSampleInput[], tiers: readonly Tier[]): Promise<number>;
  /** Deletes each tier's rows older than it keeps, then groups without rows left; returns rows deleted. */
  prune(nowSeconds: number, tiers: readonly Tier[]): Promise<number>;
  /** One group's points of one tier since a time, oldest first. */
  series(
    cluster: string,
    groupId: string,
    resolutionSeconds: number,
    sinceSeconds: number,
    options?: { partitions?: boolean },
  ): Promise<LagPointRecord[]>;
  /** Several groups' points of one tier since a time (the list's sparklines), oldest first. */
  recent(
    cluster: string,
    groupIds: readonly string[],
    resolutionSeconds: number,
    sinceSeconds: number,
  ): Promise<Map<string, LagPointRecord[]>>;
}

export interface LeaseHolder {
  owner: string;
  /** Unix milliseconds. */
  expiresAt: number;
}

/** A named lease in the store: one process at a time does the work it guards (the lag sampler). */
export interface LeaseStore {
  /** Takes the lease when free or expired, renews it when `owner` holds it; true when `owner` holds it now. */
  acquire(name: string, owner: string, nowMs: number, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, only if `owner` holds it. */
  release(name: string, owner: string): Promise<void>;
  holder(name: string): Promise<LeaseHolder | undefined>;
}
