// Confluent REST v2 consumer instances: what an instance is made of, independent of Kafka, so the
// registry and the record formatting are unit-tested with a stand-in consumer.

export type ConsumerFormat = "json" | "binary" | "string";

export interface InstanceOptions {
  format: ConsumerFormat;
  /** Where to start in a partition the group has no committed offset for. */
  autoOffsetReset: "earliest" | "latest";
  /** Commit what each GET …/records hands out, right after handing it out. */
  autoCommit: boolean;
}

/** One record as read from Kafka, before it is put in the instance's format. */
export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: bigint;
  leaderEpoch: number;
  key: Buffer | null;
  value: Buffer | null;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

/** An offset to commit: the NEXT offset to read (Kafka's meaning, not Confluent's request field). */
export interface NextOffset extends TopicPartition {
  offset: bigint;
  leaderEpoch?: number;
}

/** The Kafka side of an instance: a real group member in production (kafka-group-consumer.ts). */
export interface GroupConsumer {
  /** Replaces the subscription; joining the group happens in the background (poll waits for it). */
  subscribe(topics: string[]): void;
  /**
   * Reads the given partitions without joining the group (Kafka's assign): from the group's committed
   * offsets, else auto.offset.reset. Refuses (ConsumerV2Error) a topic or partition that does not exist.
   */
  assign(partitions: TopicPartition[]): Promise<void>;
  /** Ends the subscription or the assignment. */
  unsubscribe(): Promise<void>;
  /** The partitions the group gave this member (empty before the join completes), or the ones assigned. */
  assignments(): TopicPartition[];
  /** Moves assigned partitions' positions: the next poll reads each from its given (next) offset. */
  seek(offsets: NextOffset[]): Promise<void>;
  /** The first (beginning) or next-to-be-written (end) offset of each partition. */
  edgeOffsets(partitions: TopicPartition[], edge: "beginning" | "end"): Promise<NextOffset[]>;
  /** Waits up to timeoutMs for records; answers at most maxBytes of key+value (at least one record). */
  poll(timeoutMs: number, maxBytes: number): Promise<ConsumedRecord[]>;
  commit(offsets: NextOffset[]): Promise<void>;
  close(): Promise<void>;
}

/** A refusal in Confluent's terms: the HTTP status and the error_code of `{"error_code","message"}`. */
export class ConsumerV2Error extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = "ConsumerV2Error";
  }
}
