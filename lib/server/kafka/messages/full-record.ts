import "server-only";

// One record in full, without the preview limit: "load the full value" in the inspector.
import type { WireRecord } from "@/lib/messages/events";
import { registryClient } from "@/lib/server/schema-registry";
import { SearchSchemas } from "@/lib/server/schema-registry/search-schemas";

import type { ClusterResult, FetchConsumer } from "../cluster-pool";
import { PartitionFetcher } from "./partition-fetcher";
import { toWireRecord } from "./records";
import { openConsumer } from "./search";
import { closeConsumer } from "./search-stream";
import { isUnknownTopic, readLayout, readWatermarks } from "./topic-offsets";

/** A fetch may answer with nothing when the offset sits in an open transaction's range; try a few times. */
const ATTEMPTS = 5;

export function fetchFullRecord(
  cluster: string,
  topic: string,
  partition: number,
  offset: bigint,
): Promise<ClusterResult<WireRecord | null>> {
  const registry = registryClient(cluster);
  return readFullRecord(
    () => openConsumer(cluster),
    topic,
    partition,
    offset,
    registry && new SearchSchemas(registry),
  );
}

/** fetchFullRecord with the consumer's source injected. Null: no such topic, partition or offset. */
export async function readFullRecord(
  open: () => ClusterResult<FetchConsumer>,
  topic: string,
  partition: number,
  offset: bigint,
  schemas?: SearchSchemas,
): Promise<ClusterResult<WireRecord | null>> {
  const opened = open();
  if (!opened.ok) return opened;
  const { consumer, describe } = opened.data;
  try {
    consumer.topics.track(topic);
    const layout = await readLayout(consumer, topic);
    if (partition >= layout.leaders.length) return { ok: true, data: null };
    const [watermarks] = await readWatermarks(consumer, topic, [partition]);
    if (!watermarks || offset < watermarks.low || offset >= watermarks.high) return { ok: true, data: null };
    const fetcher = new PartitionFetcher(consumer, [{ partition, start: offset, end: offset + 1n }], layout);
    for (let attempt = 0; attempt < ATTEMPTS && fetcher.active(); attempt++) {
      fetcher.launch(0);
      const outcome = await fetcher.next();
      if (!outcome) break;
      if (!outcome.ok) throw outcome.error;
      const found = outcome.records.find((record) => record.offset === offset);
      if (!found) continue;
      const record = toWireRecord(partition, found.batch, found.record, Infinity);
      const [decoding] = schemas ? await schemas.decodeRecords([found.record]) : [];
      if (decoding?.value) record.valueSchema = decoding.value.schema;
      if (decoding?.key) record.keySchema = decoding.key.schema;
      return { ok: true, data: record };
    }
    // Compacted away, aborted, or a control record: no message at that offset.
    return { ok: true, data: null };
  } catch (error) {
    if (isUnknownTopic(error)) return { ok: true, data: null };
    return { ok: false, problem: describe(error, { operation: "READ", resourceName: topic }) };
  } finally {
    await closeConsumer(opened.data);
  }
}
