import "server-only";

// The Kafka side of a v2 consumer instance: a member of the group (or a manual assignment's reader
// outside it) on the console's connection, so with its Kafka identity and ACLs. Records arrive on the
// library's stream into a bounded buffer (paused above it) that GET …/records drains. A seek starts a
// new stream at the instance's positions before closing the old one: the group is not rejoined.
import { Consumer, type Message, MessagesStream } from "@platformatic/kafka";

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
import { byTopic, checkAssignable, commitOutsideGroup, edgeOffsetsOf } from "./v2-partitions";

export { listV2TopicNames } from "./v2-partitions";

/** Above this many buffered key+value bytes the stream pauses until a poll drains it. */
const BUFFER_BYTES = 8 * 1024 * 1024;

type Stream = MessagesStream<Buffer, Buffer, Buffer, Buffer>;

/** A new member of the group on the cluster (the caller closes it); undefined for an unknown cluster. */
export function openV2GroupConsumer(
  cluster: string,
  group: string,
  options: InstanceOptions,
): GroupConsumer | undefined {
  const connection = getConfig().clusters.find((candidate) => candidate.name === cluster);
  return connection && new KafkaGroupConsumer(connection, group, options);
}

/** What the instance reads: nothing, a subscription (as a group member) or a manual assignment (outside the group). */
type Reading =
  | { kind: "none" }
  | { kind: "subscription"; topics: string[] }
  | { kind: "assignment"; partitions: TopicPartition[] };

/** The library's key of a partition's fetch position (MessagesStream.offsetsToFetch). */
const positionKey = (topic: string, partition: number) => `${topic}:${partition}`;

class KafkaGroupConsumer implements GroupConsumer {
  private readonly consumer: Consumer;
  private stream: Stream | undefined;
  /** The start of the current stream; poll (and seek) wait for it. */
  private starting: Promise<void> | undefined;
  private failure: unknown;
  private buffer: ConsumedRecord[] = [];
  private bufferedBytes = 0;
  private wake: (() => void) | undefined;
  /** Bumped on every start: a stale stream's late start is closed, not adopted. */
  private generation = 0;
  private reading: Reading = { kind: "none" };
  /** Whether the current stream's start (or the stream) failed: the next poll starts it again. */
  private restart = false;
  /**
   * Per partition, the next offset to hand out, as far as this instance moved it (records handed out,
   * seeks) since the last rebalance: a restarted stream resumes there, not at the committed offset.
   */
  private readonly positions = new Map<string, bigint>();

  constructor(
    private readonly connection: Parameters<typeof adminOptions>[0],
    private readonly group: string,
    private readonly options: InstanceOptions,
  ) {
    this.consumer = new Consumer({ ...adminOptions(connection, defaultTimeouts), groupId: group });
    // A rebalance restarts every partition at the group's committed offset (the library re-reads them).
    this.consumer.on("consumer:group:join", () => this.positions.clear());
  }

  subscribe(topics: string[]): void {
    this.untrackAssignment();
    this.reading = { kind: "subscription", topics };
    this.positions.clear();
    void this.start("replace");
  }

  async assign(partitions: TopicPartition[]): Promise<void> {
    await checkAssignable(this.consumer, partitions);
    // A member of the group (an earlier subscription) leaves it: the group's rebalances must not replace the assignment.
    if (this.consumer.memberId)
      await new Promise<void>((resolve) => this.consumer.leaveGroup(true, () => resolve()));
    this.untrackAssignment();
    this.consumer.assignments = byTopic(partitions);
    this.consumer.topics.trackAll(...this.consumer.assignments.map(({ topic }) => topic));
    this.reading = { kind: "assignment", partitions };
    this.positions.clear();
    void this.start("replace");
  }

  async unsubscribe(): Promise<void> {
    this.untrackAssignment();
    this.reading = { kind: "none" };
    this.positions.clear();
    this.restart = false;
    this.generation++;
    this.starting = undefined;
    await this.stopStream();
  }

  assignments(): TopicPartition[] {
    if (this.reading.kind === "none") return [];
    return (this.consumer.assignments ?? []).flatMap(({ topic, partitions }) =>
      partitions.map((partition) => ({ topic, partition })),
    );
  }

  async seek(offsets: NextOffset[]): Promise<void> {
    if (this.starting) await this.starting;
    for (const { topic, partition, offset } of offsets)
      this.positions.set(positionKey(topic, partition), offset);
    // The new stream starts before the old one closes: its topics stay tracked, so the group is not rejoined.
    await this.start("swap");
  }

  edgeOffsets(partitions: TopicPartition[], edge: "beginning" | "end"): Promise<NextOffset[]> {
    return edgeOffsetsOf(this.consumer, partitions, edge);
  }

  async poll(timeoutMs: number, maxBytes: number): Promise<ConsumedRecord[]> {
    const deadline = Date.now() + timeoutMs;
    // A failure is answered once; the poll after it starts again (a fresh broker's coordinator may still be loading).
    if (this.restart && this.failure === undefined && this.reading.kind !== "none")
      void this.start("replace");
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
      this.positions.set(positionKey(next.topic, next.partition), next.offset + 1n);
    }
    this.bufferedBytes -= bytes;
    if (this.bufferedBytes < BUFFER_BYTES && this.stream?.isPaused()) this.stream.resume();
    return taken;
  }

  async commit(offsets: NextOffset[]): Promise<void> {
    if (this.reading.kind === "assignment")
      return commitOutsideGroup(this.connection.name, this.group, offsets);
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
    this.untrackAssignment();
    await this.stopStream();
    await this.consumer.close(true).catch(() => {});
  }

  /**
   * Starts a stream for what the instance reads. "replace" stops the current stream first (a new
   * subscription or assignment); "swap" stops it once the new one started (a seek).
   */
  private start(order: "replace" | "swap"): Promise<void> {
    const generation = ++this.generation;
    this.restart = false;
    this.failure = undefined;
    const stopped = order === "replace" ? this.stopStream() : Promise.resolve();
    this.starting = stopped.then(async () => {
      try {
        const stream = await this.openStream();
        if (generation !== this.generation) {
          await stream.close().catch(() => {});
          return;
        }
        const previous = this.stream;
        this.adopt(stream, generation);
        if (previous) await previous.close().catch(() => {});
      } catch (error) {
        if (generation !== this.generation) return;
        this.failure = error;
        this.restart = true;
      }
    });
    return this.starting;
  }

  private async openStream(): Promise<Stream> {
    const common = {
      mode: "committed",
      fallbackMode: this.options.autoOffsetReset,
      autocommit: false,
      maxWaitTime: 500,
    } as const;
    let stream: Stream;
    if (this.reading.kind === "subscription") {
      stream = await this.consumer.consume({ topics: this.reading.topics, ...common });
    } else if (this.reading.kind === "assignment") {
      // Built directly: consume() would join the group, and a manual assignment stays outside it.
      stream = new MessagesStream<Buffer, Buffer, Buffer, Buffer>(this.consumer, {
        topics: byTopic(this.reading.partitions).map(({ topic }) => topic),
        ...common,
        minBytes: 1,
        maxBytes: BUFFER_BYTES,
        maxBytesPerPartition: BUFFER_BYTES,
        highWaterMark: 1024,
        deserializers: {},
      });
    } else {
      throw new Error("The consumer instance reads nothing.");
    }
    // Before the first fetch: the positions this instance moved win over the committed offsets.
    stream.once("offsets", () => {
      const assigned = new Set(
        this.assignments().map(({ topic, partition }) => positionKey(topic, partition)),
      );
      for (const [key, offset] of this.positions)
        if (assigned.has(key)) stream.offsetsToFetch.set(key, offset);
    });
    return stream;
  }

  private adopt(stream: Stream, generation: number) {
    this.stream = stream;
    this.buffer = [];
    this.bufferedBytes = 0;
    stream.on("data", (message: Message<Buffer, Buffer, Buffer, Buffer>) => {
      if (this.stream === stream) this.take(message);
    });
    stream.on("error", (error: unknown) => {
      if (generation !== this.generation) return;
      this.failure = error;
      this.restart = true;
      this.wake?.();
    });
  }

  private untrackAssignment() {
    if (this.reading.kind !== "assignment") return;
    this.consumer.topics.untrackAll(...new Set(this.reading.partitions.map(({ topic }) => topic)));
    this.consumer.assignments = null;
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
