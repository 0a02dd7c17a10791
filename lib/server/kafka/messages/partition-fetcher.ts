// Reads a topic's partitions straight from their leaders with Fetch: no consumer group, one request
// per leader covering all its partitions, at most one outstanding per leader. Each partition keeps
// the next offset not yet read, so a retry after a failure neither skips nor repeats a record.
import type { Consumer } from "@platformatic/kafka";

import { DEFAULT_FETCH_BYTES } from "@/lib/schemas/config";

import {
  collectRecords,
  type BatchGate,
  type FetchedRecord,
  type PartitionCursor,
  type SkippedRun,
} from "./collect-records";
import { installLeanFetch } from "./lean-fetch";
import { READ_COMMITTED, type TopicLayout } from "./topic-offsets";

export type { BatchGate, FetchedRecord, PartitionCursor, SkippedRun } from "./collect-records";

/** Kafka's own default per partition; a smaller share of the budget is asked for when there is one. */
export const PARTITION_MAX_BYTES = 1024 * 1024;
/** A search's first request: a few hundred records to filter and show before the budget's worth. */
export const FIRST_FETCH_BYTES = 256 * 1024;
/** Long enough to spare a tailing broker, short enough that Stop is felt at once. */
export const MAX_WAIT_MS = 500;

export type FetchOutcome =
  | { ok: true; node: number; records: FetchedRecord[]; skipped: SkippedRun[]; bytes: number }
  | { ok: false; node: number; error: unknown };

/** The outcome carries nothing to scan (no record, none skipped). */
export const isEmptyOutcome = (outcome: FetchOutcome) =>
  outcome.ok && outcome.records.length === 0 && outcome.skipped.length === 0;

export class PartitionFetcher {
  readonly cursors: Map<number, PartitionCursor>;
  #inFlight = new Map<number, Promise<FetchOutcome>>();
  #layout: TopicLayout;
  readonly #fetchBytes: number;
  /** What the next request may carry: small at first, so the first results come quickly. */
  #requestBytes: number;
  /** Per leader: where the next request's share of its partitions starts. */
  #turns = new Map<number, number>();

  /**
   * fetchBytes: messages.fetchBytes, the most one response may carry. gate: batches it rules out are
   * counted, not read (their records never reach the outcome).
   */
  constructor(
    private readonly consumer: Consumer,
    ranges: { partition: number; start: bigint; end: bigint | null }[],
    layout: TopicLayout,
    fetchBytes = DEFAULT_FETCH_BYTES,
    private readonly gate: BatchGate | null = null,
  ) {
    installLeanFetch(consumer);
    this.#layout = layout;
    this.#fetchBytes = fetchBytes;
    this.#requestBytes = Math.min(fetchBytes, FIRST_FETCH_BYTES);
    this.cursors = new Map(
      ranges.map(({ partition, start, end }) => [
        partition,
        { partition, next: start, end, inFlight: false, abortedProducers: new Set() },
      ]),
    );
  }

  get layout() {
    return this.#layout;
  }

  set layout(layout: TopicLayout) {
    this.#layout = layout;
  }

  /** Some partition still has offsets to read (or tails). */
  active(): boolean {
    for (const cursor of this.cursors.values()) if (!finished(cursor)) return true;
    return false;
  }

  /** A fetch is outstanding. */
  busy(): boolean {
    return this.#inFlight.size > 0;
  }

  /**
   * Starts one fetch for every leader that has none outstanding, covering its partitions still to
   * read. Returns how many partitions are waiting for a leader.
   */
  launch(maxWaitTime = MAX_WAIT_MS): number {
    const byNode = new Map<number, PartitionCursor[]>();
    let leaderless = 0;
    for (const cursor of this.cursors.values()) {
      if (cursor.inFlight || finished(cursor)) continue;
      const leader = this.#layout.leaders[cursor.partition] ?? -1;
      if (leader < 0) {
        leaderless++;
        continue;
      }
      if (this.#inFlight.has(leader)) continue;
      byNode.set(leader, [...(byNode.get(leader) ?? []), cursor]);
    }
    for (const [node, waiting] of byNode) {
      const budget = this.#budget(waiting);
      const turn = this.#turns.get(node) ?? 0;
      this.#turns.set(node, turn + budget.partitions);
      this.#start(node, takeTurns(waiting, budget.partitions, turn), maxWaitTime, budget);
    }
    return leaderless;
  }

  /** A single partition's fetch that answers at once, for checking READ when there is nothing to read. */
  probe(partition: number, offset: bigint): Promise<FetchOutcome> {
    const node = this.#layout.leaders[partition] ?? -1;
    const cursor: PartitionCursor = {
      partition,
      next: offset,
      end: offset,
      inFlight: false,
      abortedProducers: new Set(),
    };
    return this.#request(node, [cursor], 0).then((outcome) =>
      outcome.ok ? { ...outcome, records: [], skipped: [], bytes: 0 } : outcome,
    );
  }

  /** The first outstanding fetch to settle. */
  async next(): Promise<FetchOutcome | null> {
    if (this.#inFlight.size === 0) return null;
    const outcome = await Promise.race(this.#inFlight.values());
    this.#inFlight.delete(outcome.node);
    return outcome;
  }

  /**
   * All waiting partitions share the request while tailing, and while a search ramps up (its first
   * requests are small); a scan at its full budget takes turns (see fetchBudget).
   */
  #budget(cursors: PartitionCursor[]): FetchBudget {
    const shared = this.#requestBytes < this.#fetchBytes || cursors.some((cursor) => cursor.end === null);
    return fetchBudget(this.#requestBytes, cursors.length, shared);
  }

  #start(node: number, cursors: PartitionCursor[], maxWaitTime: number, budget: FetchBudget) {
    for (const cursor of cursors) cursor.inFlight = true;
    const outcome = this.#request(node, cursors, maxWaitTime, budget).finally(() => {
      for (const cursor of cursors) cursor.inFlight = false;
    });
    this.#inFlight.set(node, outcome);
  }

  async #request(
    node: number,
    cursors: PartitionCursor[],
    maxWaitTime: number,
    budget = this.#budget(cursors),
  ): Promise<FetchOutcome> {
    const { topicId } = this.#layout;
    const partitions = cursors.map((cursor) => ({
      partition: cursor.partition,
      fetchOffset: cursor.next,
      partitionMaxBytes: budget.partitionMaxBytes,
      currentLeaderEpoch: -1,
      lastFetchedEpoch: -1,
    }));
    try {
      const response = await this.consumer.fetch({
        node,
        topics: [{ topicId, partitions }],
        maxWaitTime,
        minBytes: 1,
        maxBytes: budget.maxBytes,
        isolationLevel: READ_COMMITTED,
      });
      const requested = new Map(cursors.map((cursor) => [cursor.partition, cursor]));
      const records: FetchedRecord[] = [];
      const skipped: SkippedRun[] = [];
      let bytes = 0;
      for (const topic of response.responses) {
        if (topic.topicId !== topicId) continue;
        for (const fetched of topic.partitions) {
          for (const batch of fetched.records ?? []) bytes += batch.length;
          // An incremental fetch session may answer for partitions this request did not ask about.
          const cursor = requested.get(fetched.partitionIndex);
          if (cursor) collectRecords(cursor, fetched, records, this.gate, skipped);
        }
      }
      this.#requestBytes = nextRequestBytes(this.#requestBytes, this.#fetchBytes);
      return { ok: true, node, records, skipped, bytes };
    } catch (error) {
      return { ok: false, node, error };
    }
  }
}

/**
 * One request's limits from the search's budget (messages.fetchBytes, the response's max_bytes). A
 * scan asks each partition for up to 1 MiB, and only as many partitions as the budget holds, taking
 * turns: a smaller share would end most partitions' data in a batch the broker cuts, sent and thrown
 * away. Shared (a live tail, a search's small first requests): all its partitions at once, so none
 * waits its turn. The
 * broker returns a first batch larger than the limits whole, so no record is ever out of reach.
 */
export type FetchBudget = ReturnType<typeof fetchBudget>;

export function fetchBudget(fetchBytes: number, partitions: number, shared: boolean) {
  const waiting = Math.max(1, partitions);
  if (shared) {
    const share = Math.max(1, Math.min(PARTITION_MAX_BYTES, Math.floor(fetchBytes / waiting)));
    return { maxBytes: fetchBytes, partitionMaxBytes: share, partitions: waiting };
  }
  const partitionMaxBytes = Math.min(PARTITION_MAX_BYTES, fetchBytes);
  const fitting = Math.max(1, Math.floor(fetchBytes / partitionMaxBytes));
  return { maxBytes: fetchBytes, partitionMaxBytes, partitions: Math.min(waiting, fitting) };
}

/** Each answered request doubles the next one's budget, up to messages.fetchBytes. */
export function nextRequestBytes(current: number, fetchBytes: number): number {
  return Math.min(fetchBytes, current * 2);
}

/** `count` of the items, in order, starting at the turn-th (round robin). */
export function takeTurns<T>(items: T[], count: number, turn: number): T[] {
  if (count >= items.length) return items;
  const start = turn % items.length;
  return Array.from({ length: count }, (_, index) => items[(start + index) % items.length]!);
}

export function finished(cursor: PartitionCursor): boolean {
  return cursor.end !== null && cursor.next >= cursor.end;
}
