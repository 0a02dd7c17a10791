import "server-only";

// The Kafka side of a v2 consumer instance: a real member of the group, with the console's
// connection (and so the console's Kafka identity and its ACLs). Records arrive on the library's
// stream into a bounded buffer (the stream pauses above it); GET …/records takes from the buffer.
import { Consumer, type Message, type MessagesStream } from "@platformatic/kafka";

import { getConfig } from "@/lib/server/config";

import type {
  ConsumedRecord,
  GroupConsumer,
  InstanceOptions,
  NextOffset,
  TopicPartition,
} from "@/lib/server/confluent-v2/consumer-types";
import { recordBytes } from "@/lib/server/confluent-v2/record-format";

import { adminOptions, defaultTimeouts } from "./client-options";
import type { ClusterResult } from "./cluster-pool";
import { withClusterAdmin } from "./pooled-clients";

/** Above this many buffered key+value bytes the stream pauses until a poll drains it. */
const BUFFER_BYTES = 8 * 1024 * 1024;

type Stream = MessagesStream<Buffer, Buffer, Buffer, Buffer>;

/** The cluster's topic names (internal ones left out), to resolve a v2 topic_pattern. */
export function listV2TopicNames(cluster: string): Promise<ClusterResult<string[]>> {
  return withClusterAdmin(cluster, (admin) => admin.listTopics({ includeInternals: false }));
}

/** A new member of the group on the cluster (the caller closes it); undefined for an unknown cluster. */
export function openV2GroupConsumer(
  cluster: string,
  group: string,
  options: InstanceOptions,
): GroupConsumer | undefined {
  const connection = getConfig().clusters.find((candidate) => candidate.name === cluster);
  return connection && new KafkaGroupConsumer(connection, group, options);
}

class KafkaGroupConsumer implements GroupConsumer {
  private readonly consumer: Consumer;
  private stream: Stream | undefined;
  /** The join and stream start of the current subscription; poll waits for it. */
  private starting: Promise<void> | undefined;
  private failure: unknown;
  private buffer: ConsumedRecord[] = [];
  private bufferedBytes = 0;
  private wake: (() => void) | undefined;
  /** Bumped on every (un)subscribe: a stale stream's late start is closed, not adopted. */
  private generation = 0;
  /** The current subscription, and whether its start (or its stream) failed: the next poll starts it again. */
  private topics: string[] = [];
  private restart = false;

  constructor(
    connection: Parameters<typeof adminOptions>[0],
    group: string,
    private readonly options: InstanceOptions,
  ) {
    this.consumer = new Consumer({ ...adminOptions(connection, defaultTimeouts), groupId: group });
  }

  subscribe(topics: string[]): void {
    this.topics = topics;
    this.restart = false;
    const generation = ++this.generation;
    const previous = this.stopStream();
    this.failure = undefined;
    this.starting = previous.then(async () => {
      try {
        const stream = await this.consumer.consume({
          topics,
          mode: "committed",
          fallbackMode: this.options.autoOffsetReset,
          autocommit: false,
          maxWaitTime: 500,
        });
        if (generation !== this.generation) {
          await stream.close();
          return;
        }
        this.stream = stream;
        stream.on("data", (message: Message<Buffer, Buffer, Buffer, Buffer>) => this.take(message));
        stream.on("error", (error: unknown) => {
          if (generation !== this.generation) return;
          this.failure = error;
          this.restart = true;
          this.wake?.();
        });
      } catch (error) {
        if (generation !== this.generation) return;
        this.failure = error;
        this.restart = true;
      }
    });
    void this.starting;
  }

  async unsubscribe(): Promise<void> {
    this.topics = [];
    this.restart = false;
    this.generation++;
    this.starting = undefined;
    await this.stopStream();
  }

  assignments(): TopicPartition[] {
    return (this.consumer.assignments ?? []).flatMap(({ topic, partitions }) =>
      partitions.map((partition) => ({ topic, partition })),
    );
  }

  async poll(timeoutMs: number, maxBytes: number): Promise<ConsumedRecord[]> {
    const deadline = Date.now() + timeoutMs;
    // A failure is answered once; the poll after it joins again (a fresh broker's coordinator may still be loading).
    if (this.restart && this.failure === undefined && this.topics.length > 0) this.subscribe(this.topics);
    if (this.starting) await withTimeout(this.starting, timeoutMs);
    while (this.buffer.length === 0 && this.failure === undefined && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    if (this.buffer.length === 0 && this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure instanceof Error ? failure : new Error(String(failure));
    }
    const taken: ConsumedRecord[] = [];
    let bytes = 0;
    for (let next = this.buffer[0]; next !== undefined; next = this.buffer[0]) {
      const size = recordBytes(next);
      if (taken.length > 0 && bytes + size > maxBytes) break;
      taken.push(next);
      this.buffer.shift();
      bytes += size;
    }
    this.bufferedBytes -= bytes;
    if (this.bufferedBytes < BUFFER_BYTES && this.stream?.isPaused()) this.stream.resume();
    return taken;
  }

  async commit(offsets: NextOffset[]): Promise<void> {
    await this.consumer.commit({
      offsets: offsets.map(({ topic, partition, offset, leaderEpoch }) => ({
        topic,
        partition,
        offset,
        leaderEpoch: leaderEpoch ?? -1,
      })),
    });
  }

  async close(): Promise<void> {
    this.generation++;
    await this.stopStream();
    await this.consumer.close(true).catch(() => {});
  }

  private take(message: Message<Buffer, Buffer, Buffer, Buffer>) {
    const record: ConsumedRecord = {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      leaderEpoch: message.leaderEpoch,
      key: message.key ?? null,
      value: message.value ?? null,
    };
    this.buffer.push(record);
    this.bufferedBytes += recordBytes(record);
    if (this.bufferedBytes >= BUFFER_BYTES) this.stream?.pause();
    this.wake?.();
  }

  private async stopStream(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    this.buffer = [];
    this.bufferedBytes = 0;
    if (stream) await stream.close().catch(() => {});
  }
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
