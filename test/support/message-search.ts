// Message search test helpers: run a search through a test pool to its end, produce test data.
import { Producer, type MessageToProduce } from "@platformatic/kafka";

import type { SearchEvent, WireRecord } from "../../lib/messages/events";
import { messageQuerySchema, type MessageQueryInput } from "../../lib/schemas/messages";
import type { ClusterConnection } from "../../lib/schemas/cluster";
import { defaultTimeouts, producerOptions } from "../../lib/server/kafka/client-options";
import type { ClusterPool, FetchConsumer } from "../../lib/server/kafka/cluster-pool";
import { startSearch, type SearchStart } from "../../lib/server/kafka/messages/search";
import type { SearchSchemas } from "../../lib/server/schema-registry/search-schemas";

interface SearchTestOptions {
  cluster?: string;
  signal?: AbortSignal;
  previewBytes?: number;
  /** Decode values framed for a schema registry (as a cluster with one does). */
  schemas?: SearchSchemas;
}

export interface SearchRunResult {
  start: SearchStart;
  events: SearchEvent[];
  records: WireRecord[];
  done: Extract<SearchEvent, { type: "done" }> | undefined;
  notices: string[];
  /** The consumers the search opened, to check they were closed. */
  consumers: FetchConsumer[];
}

export async function openSearch(
  pool: ClusterPool,
  topic: string,
  input: MessageQueryInput,
  options: SearchTestOptions = {},
) {
  const consumers: FetchConsumer[] = [];
  const open = () => {
    const opened = pool.openFetchConsumer(options.cluster ?? "local");
    if (opened.ok) consumers.push(opened.data);
    return opened;
  };
  const start = await startSearch(open, topic, messageQuerySchema.parse(input), {
    signal: options.signal ?? new AbortController().signal,
    previewBytes: options.previewBytes ?? 1024 * 1024,
    schemas: options.schemas,
  });
  return { start, consumers };
}

/** Runs a search to its `done` event (or its refusal). */
export async function search(
  pool: ClusterPool,
  topic: string,
  input: MessageQueryInput,
  options: SearchTestOptions = {},
): Promise<SearchRunResult> {
  const { start, consumers } = await openSearch(pool, topic, input, options);
  const events: SearchEvent[] = [];
  if (start.ok) for await (const event of start.events) events.push(event);
  return summarize(start, events, consumers);
}

export function summarize(
  start: SearchStart,
  events: SearchEvent[],
  consumers: FetchConsumer[],
): SearchRunResult {
  return {
    start,
    events,
    records: events.flatMap((event) => (event.type === "records" ? event.records : [])),
    done: events.find((event) => event.type === "done"),
    notices: events.flatMap((event) =>
      event.type === "notice" ? [event.message] : event.type === "plan" ? event.notices : [],
    ),
    consumers,
  };
}

/** "partition:offset" of each record, in the order received per partition. */
export const positionsOf = (records: WireRecord[]) =>
  [...records]
    .sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)))
    .map((record) => `${record.partition}:${record.offset}`);

export const textOf = (records: WireRecord[]) => records.map((record) => record.value?.text);

const producers = new WeakMap<ClusterPool, Producer>();

/**
 * Idempotent, with patient timeouts: on a loaded machine a timed-out send is retried, and the broker
 * must drop the copy rather than shift every offset the tests expect.
 */
export async function produce(
  pool: ClusterPool,
  messages: MessageToProduce[],
  options: { compression?: "none" | "gzip" | "snappy" | "lz4" | "zstd" } = {},
): Promise<void> {
  const connection = connections.get(pool);
  if (!connection) throw new Error("register the pool's connection with testProducerFor first");
  let producer = producers.get(pool);
  if (!producer) {
    const timeouts = { ...defaultTimeouts, requestMs: 30_000, retries: 5 };
    producer = new Producer({ ...producerOptions(connection, timeouts), idempotent: true });
    producers.set(pool, producer);
  }
  await producer.send({ messages, ...options });
}

const connections = new WeakMap<ClusterPool, ClusterConnection>();

/** The connection the pool's "local" cluster uses, for the test producer. */
export function testProducerFor(pool: ClusterPool, connection: ClusterConnection): ClusterPool {
  connections.set(pool, connection);
  return pool;
}

export async function closeTestProducer(pool: ClusterPool): Promise<void> {
  await producers.get(pool)?.close();
  producers.delete(pool);
}

export function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
