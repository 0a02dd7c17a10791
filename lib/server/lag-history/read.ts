import "server-only";

// What pages and the REST route read of the lag history: a group's points over a range, and a page of
// groups' recent totals for the list's sparklines. Only the store is read, never Kafka.
import { rangeQuery, SPARKLINE } from "@/lib/lag-history/tiers";
import type { LagHistory, LagHistoryPoint, LagHistoryRange } from "@/lib/schemas/lag-history";
import { getConfig } from "@/lib/server/config";
import { getStore, type LagPointRecord } from "@/lib/server/store";

export function lagSamplerSettings(): LagHistory["sampler"] {
  const { enabled, intervalSeconds, timeLag } = getConfig().lagHistory;
  return { enabled, intervalSeconds, timeLag };
}

export async function readLagHistory(
  cluster: string,
  group: string,
  range: LagHistoryRange,
  options: { partitions?: boolean; nowMs?: number } = {},
): Promise<LagHistory> {
  const { resolutionSeconds, sinceSeconds } = rangeQuery(range, (options.nowMs ?? Date.now()) / 1000);
  const points = await getStore().lagHistory.series(cluster, group, resolutionSeconds, sinceSeconds, {
    partitions: options.partitions,
  });
  return {
    cluster,
    group,
    range,
    resolutionSeconds,
    sampler: lagSamplerSettings(),
    points: points.map(toPoint),
  };
}

function toPoint(point: LagPointRecord): LagHistoryPoint {
  return {
    at: new Date(point.at * 1000).toISOString(),
    lag: point.lagLast.toString(),
    maxLag: point.lagMax.toString(),
    timeLagMs: point.timeLagLastMs,
    maxTimeLagMs: point.timeLagMaxMs,
    ...(point.partitions ? { partitions: point.partitions } : {}),
  };
}

export const SPARKLINE_HOURS = SPARKLINE.spanSeconds / 3600;

/** Each group's total lag over the last hours (5-minute buckets, the last value of each), oldest first. */
export async function readLagSparklines(
  cluster: string,
  groupIds: readonly string[],
  nowMs = Date.now(),
): Promise<Map<string, number[]>> {
  const since = nowMs / 1000 - SPARKLINE.spanSeconds;
  const recent = await getStore().lagHistory.recent(cluster, groupIds, SPARKLINE.resolutionSeconds, since);
  return new Map([...recent].map(([id, points]) => [id, points.map((point) => Number(point.lagLast))]));
}
