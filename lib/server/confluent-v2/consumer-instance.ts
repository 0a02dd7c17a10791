// One v2 consumer instance: what it reads (a subscription or a manual assignment, exclusive as in
// Kafka), the records it handed out (what "commit all" commits), its seeks, and Confluent's refusals.
import {
  type ConsumedRecord,
  type ConsumerFormat,
  ConsumerV2Error,
  type GroupConsumer,
  type InstanceOptions,
  type NextOffset,
  type TopicPartition,
} from "./consumer-types";
import { formatRecord, type V2Record } from "./record-format";

/** Confluent's error codes for the consumer API. */
export const V2_CODES = {
  instanceNotFound: 40403,
  formatMismatch: 40601,
  alreadyExists: 40902,
  illegalState: 40903,
  tooMany: 42901,
} as const;

export interface InstanceHolder {
  /** "token:<id> (<name>)" or "user:<name>": whose instance it is, and whose count it is in. */
  actor: string;
}

/** One consumer instance: its Kafka side, what it has handed out, and when it was last used. */
export class ConsumerInstance {
  lastUsedAt: number;
  /** Topics of the current subscription (empty: none). */
  topics: string[] = [];
  topicPattern: string | undefined;
  /** Partitions of the current manual assignment (empty: none); exclusive with a subscription, as in Kafka. */
  assigned: TopicPartition[] = [];
  /** Per partition, the last offset handed out and its leader epoch: what "commit all" commits. */
  private readonly handedOut = new Map<
    string,
    { record: TopicPartition; offset: bigint; leaderEpoch: number }
  >();

  constructor(
    readonly group: string,
    readonly name: string,
    readonly options: InstanceOptions,
    readonly holder: InstanceHolder,
    readonly kafka: GroupConsumer,
    now: number,
  ) {
    this.lastUsedAt = now;
  }

  get format(): ConsumerFormat {
    return this.options.format;
  }

  subscribe(topics: string[], pattern?: string) {
    if (this.assigned.length > 0) throw exclusive("subscribe to topics", "DELETE …/subscription");
    this.topics = topics;
    this.topicPattern = pattern;
    this.handedOut.clear();
    this.kafka.subscribe(topics);
  }

  /** Kafka's assign: reads exactly these partitions, outside the group's rebalances; empty = unassign. */
  async assign(partitions: TopicPartition[]) {
    if (this.topics.length > 0) throw exclusive("assign partitions", "DELETE …/subscription");
    if (partitions.length === 0) return this.unsubscribe();
    const unique = [
      ...new Map(partitions.map((row) => [`${row.topic}\u0000${row.partition}`, row])).values(),
    ];
    await this.kafka.assign(unique);
    this.assigned = unique;
    this.handedOut.clear();
  }

  /**
   * Moves positions (Confluent's positions: offset = the next record to read). Every partition must be
   * assigned to the instance now, else nothing moves. Committing all afterwards commits these
   * positions, as the Java consumer's commitSync does.
   */
  async seek(offsets: { topic: string; partition: number; offset: number }[]) {
    this.requireAssigned(offsets);
    await this.moveTo(
      offsets.map(({ topic, partition, offset }) => ({ topic, partition, offset: BigInt(offset) })),
    );
  }

  /** Moves positions to the first offset (beginning) or past the last record (end) of each partition. */
  async seekToEdge(partitions: TopicPartition[], edge: "beginning" | "end") {
    // No partition named: every assigned one, as Kafka's seekToBeginning/seekToEnd.
    const targets = partitions.length > 0 ? partitions : this.kafka.assignments();
    this.requireAssigned(targets);
    if (targets.length > 0) await this.moveTo(await this.kafka.edgeOffsets(targets, edge));
  }

  private async moveTo(offsets: NextOffset[]) {
    await this.kafka.seek(offsets);
    for (const { topic, partition, offset } of offsets)
      this.handedOut.set(`${topic}\u0000${partition}`, {
        record: { topic, partition },
        offset: offset - 1n,
        leaderEpoch: -1,
      });
  }

  private requireAssigned(partitions: TopicPartition[]) {
    const assigned = new Set(
      this.kafka.assignments().map(({ topic, partition }) => `${topic}\u0000${partition}`),
    );
    const missing = partitions.filter(({ topic, partition }) => !assigned.has(`${topic}\u0000${partition}`));
    if (missing.length > 0)
      throw new ConsumerV2Error(
        409,
        V2_CODES.illegalState,
        `Illegal state: no current assignment for partition ${missing
          .slice(0, 10)
          .map(({ topic, partition }) => `${topic}-${partition}`)
          .join(
            ", ",
          )}: the instance reads ${describeAssignment(this.kafka.assignments())}. No position was changed.`,
      );
  }

  async unsubscribe() {
    this.topics = [];
    this.topicPattern = undefined;
    this.assigned = [];
    this.handedOut.clear();
    await this.kafka.unsubscribe();
  }

  /** Reads, formats (refusing the whole answer when one record does not fit the format), remembers. */
  async records(timeoutMs: number, maxBytes: number): Promise<V2Record[]> {
    if (this.topics.length === 0 && this.assigned.length === 0)
      throw new ConsumerV2Error(
        409,
        V2_CODES.illegalState,
        "The consumer instance has no subscription nor assignment: POST …/subscription with topics (or …/assignments with partitions) first.",
      );
    const read: ConsumedRecord[] = await this.kafka.poll(timeoutMs, maxBytes);
    const formatted = read.map((record) => formatRecord(record, this.options.format));
    for (const record of read) {
      this.handedOut.set(`${record.topic}\u0000${record.partition}`, {
        record: { topic: record.topic, partition: record.partition },
        offset: record.offset,
        leaderEpoch: record.leaderEpoch,
      });
    }
    if (this.options.autoCommit && read.length > 0) await this.commitHandedOut();
    return formatted;
  }

  /** Commits the given offsets (Confluent's meaning: the last record processed, so Kafka gets offset + 1), or all handed out. */
  async commit(offsets?: { topic: string; partition: number; offset: number }[]): Promise<void> {
    if (offsets === undefined || offsets.length === 0) return this.commitHandedOut();
    await this.kafka.commit(
      offsets.map(({ topic, partition, offset }) => ({
        topic,
        partition,
        offset: BigInt(offset) + 1n,
        leaderEpoch: this.handedOut.get(`${topic}\u0000${partition}`)?.leaderEpoch,
      })),
    );
  }

  private async commitHandedOut() {
    const offsets: NextOffset[] = [...this.handedOut.values()].map(({ record, offset, leaderEpoch }) => ({
      ...record,
      offset: offset + 1n,
      leaderEpoch,
    }));
    if (offsets.length > 0) await this.kafka.commit(offsets);
  }
}

/** Kafka's IllegalStateException for mixing a subscription and a manual assignment, as Confluent answers it. */
function exclusive(what: string, undo: string): ConsumerV2Error {
  return new ConsumerV2Error(
    409,
    V2_CODES.illegalState,
    `Illegal state: Subscription to topics, partitions and pattern are mutually exclusive: the instance cannot ${what} while it has ${what.startsWith("assign") ? "a subscription" : "a manual assignment"}; ${undo} first.`,
  );
}

function describeAssignment(partitions: TopicPartition[]): string {
  if (partitions.length === 0)
    return "no partition yet (subscribe or assign, then read once so the group assigns partitions)";
  const shown = partitions.slice(0, 20).map(({ topic, partition }) => `${topic}-${partition}`);
  return `${shown.join(", ")}${partitions.length > 20 ? ` and ${partitions.length - 20} more` : ""}`;
}
