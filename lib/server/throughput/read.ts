import "server-only";

// What pages and the REST routes read of the throughput history: a cluster's or a topic's rates over a
// range, and the busiest topics of the last minutes. Only the store is read, never Kafka.
import { rangeQuery } from "@/lib/lag-history/tiers";
import type { LagHistoryRange } from "@/lib/schemas/lag-history";
import type { Throughput, TopicRate } from "@/lib/schemas/throughput";
import { getConfig } from "@/lib/server/config";
import { getStore, type ThroughputPointRecord } from "@/lib/server/store";
import { CLUSTER_TOTAL } from "@/lib/server/store/throughput-types";
import { perSecond } from "@/lib/throughput/rates";

export function throughputSamplerSettings(): Throughput["sampler"] {
  const { enabled, throughput, intervalSeconds, throughputIntervalSeconds } = getConfig().lagHistory;
  return { enabled: enabled && throughput, intervalSeconds: throughputIntervalSeconds ?? intervalSeconds };
}

/** topic null: the cluster's total. */
export async function readThroughput(
  cluster: string,
  topic: string | null,
  range: LagHistoryRange,
  nowMs = Date.now(),
): Promise<Throughput> {
  const { resolutionSeconds, sinceSeconds } = rangeQuery(range, nowMs / 1000);
  const points = await getStore().throughput.series(
    cluster,
    topic ?? CLUSTER_TOTAL,
    resolutionSeconds,
    sinceSeconds,
  );
  return {
    cluster,
    topic,
    range,
    resolutionSeconds,
    sampler: throughputSamplerSettings(),
    points: points.map(toPoint),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

function toPoint(point: ThroughputPointRecord): Throughput["points"][number] {
  return {
    at: new Date(point.at * 1000).toISOString(),
    seconds: point.ms / 1000,
    messages: point.messages,
    bytes: point.bytes,
    messagesPerSecond: round(perSecond(point.messages, point.ms)),
    bytesPerSecond: round(perSecond(point.bytes, point.ms)),
    peakMessagesPerSecond: round(point.peakMessagesPerSecond),
    peakBytesPerSecond: round(point.peakBytesPerSecond),
  };
}

/** The busiest topics over the last `windowSeconds`, by messages/s; empty until two rounds ran. */
export async function readTopTopicRates(
  cluster: string,
  { windowSeconds = 300, limit = 5, nowMs = Date.now() } = {},
): Promise<TopicRate[]> {
  const since = nowMs / 1000 - windowSeconds;
  const store = getStore().throughput;
  const sampledMs = (await store.series(cluster, CLUSTER_TOTAL, 0, since)).reduce(
    (sum, point) => sum + point.ms,
    0,
  );
  if (sampledMs === 0) return [];
  return (await store.topTopics(cluster, since, limit)).map((row) => ({
    topic: row.topic,
    messagesPerSecond: round(perSecond(row.messages, sampledMs)),
    bytesPerSecond: round(perSecond(row.bytes, sampledMs)),
  }));
}
