// What a search does when a fetch fails: a broker restarting or a leader moving is waited out for as
// long as the search is open (fresh metadata, backoff up to 1 s, then the same next offsets again);
// a refusal or a deleted topic ends it.
import type { ClusterProblem } from "@/lib/schemas/cluster";
import type { SearchEvent, SearchProblem } from "@/lib/messages/events";
import type { FetchConsumer } from "@/lib/server/kafka/cluster-pool";

import type { PartitionFetcher } from "./partition-fetcher";
import { hasApiId, isUnknownTopic, readLayout, readWatermarks } from "./topic-offsets";
import { pause } from "./until-stopped";

export const LOST_NOTICE = "Lost the connection to the broker; retrying…";
export const RESUMED_NOTICE = "Resumed";
const MAX_BACKOFF_MS = 1_000;
/** A topic missing from fresh metadata this long is gone, not a broker still loading. */
const UNKNOWN_TOPIC_GRACE_MS = 5_000;

export interface RecoveryStep {
  events: SearchEvent[];
  fatal: boolean;
}

export class FetchRecovery {
  problem: SearchProblem | null = null;
  #lost = false;
  #attempt = 0;
  #unknownSince: number | null = null;
  #refreshing = false;

  constructor(
    private readonly fetchConsumer: FetchConsumer,
    private readonly topic: string,
    private readonly fetcher: PartitionFetcher,
  ) {}

  afterSuccess(): SearchEvent[] {
    this.#attempt = 0;
    this.#unknownSince = null;
    if (!this.#lost) return [];
    this.#lost = false;
    return [{ type: "notice", message: RESUMED_NOTICE }];
  }

  async afterFailure(error: unknown, signal: AbortSignal): Promise<RecoveryStep> {
    const problem = this.fetchConsumer.describe(error, { operation: "READ", resourceName: this.topic });
    if (isFatal(problem)) return this.#fail(problem);
    if (hasApiId(error, "OFFSET_OUT_OF_RANGE")) {
      const skipped = await this.#skipDeleted();
      if (skipped.length > 0) return { events: skipped, fatal: false };
    }
    return this.#retry([], signal);
  }

  /** Partitions without a leader: wait for one as for a lost broker. */
  afterLeaderless(_waiting: number, signal: AbortSignal): Promise<RecoveryStep> {
    return this.#retry([], signal);
  }

  /** Some partitions wait for a leader while others are read: look for their new leaders meanwhile. */
  refreshInBackground(): void {
    if (this.#refreshing) return;
    this.#refreshing = true;
    void new Promise((resolve) => setTimeout(resolve, MAX_BACKOFF_MS))
      .then(() => this.#refreshLayout())
      .finally(() => (this.#refreshing = false));
  }

  async #retry(events: SearchEvent[], signal: AbortSignal): Promise<RecoveryStep> {
    if (!this.#lost) {
      this.#lost = true;
      events.push({ type: "notice", message: LOST_NOTICE });
    }
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.#attempt++);
    await pause(delay, signal);
    const problem = await this.#refreshLayout();
    return problem
      ? { events: [...events, ...this.#fail(problem).events], fatal: true }
      : { events, fatal: false };
  }

  #fail(problem: SearchProblem): RecoveryStep {
    this.problem = problem;
    return { events: [], fatal: true };
  }

  async #refreshLayout(): Promise<SearchProblem | null> {
    const { consumer } = this.fetchConsumer;
    try {
      consumer.clearMetadata();
      const layout = await readLayout(consumer, this.topic, true);
      this.#unknownSince = null;
      if (layout.topicId !== this.fetcher.layout.topicId)
        return deletedTopic(this.topic, "deleted and created again");
      this.fetcher.layout = layout;
      return null;
    } catch (error) {
      if (isUnknownTopic(error)) {
        this.#unknownSince ??= Date.now();
        return Date.now() - this.#unknownSince > UNKNOWN_TOPIC_GRACE_MS
          ? deletedTopic(this.topic, "deleted")
          : null;
      }
      const problem = this.fetchConsumer.describe(error, { operation: "DESCRIBE", resourceName: this.topic });
      return isFatal(problem) ? problem : null;
    }
  }

  /** Retention deleted offsets the search had not reached yet: continue at the first one kept. */
  async #skipDeleted(): Promise<SearchEvent[]> {
    const cursors = [...this.fetcher.cursors.values()];
    try {
      const watermarks = await readWatermarks(
        this.fetchConsumer.consumer,
        this.topic,
        cursors.map((cursor) => cursor.partition),
      );
      const events: SearchEvent[] = [];
      for (const { partition, low } of watermarks) {
        const cursor = this.fetcher.cursors.get(partition);
        if (!cursor || cursor.next >= low) continue;
        const message = `Partition ${partition}: offsets ${cursor.next}–${low - 1n} were deleted while searching (retention); continued at ${low}`;
        events.push({ type: "notice", message });
        cursor.next = cursor.end !== null && low > cursor.end ? cursor.end : low;
      }
      return events;
    } catch {
      return [];
    }
  }
}

function isFatal(problem: ClusterProblem): boolean {
  return problem.kind === "authorization" || problem.kind === "authentication";
}

function deletedTopic(topic: string, how: string): SearchProblem {
  return {
    title: `Topic ${topic} was ${how} during the search`,
    hint: "The results shown so far are from the topic as it was. Start a new search.",
    code: "UNKNOWN_TOPIC_ID",
  };
}
