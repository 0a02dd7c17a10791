import "server-only";

// Starting a message search: everything that can be refused is checked before the first event (filter
// syntax, the topic, DESCRIBE and READ), so the route can still answer with a plain JSON error.
import type { FilterSyntaxError, SearchEvent, SearchProblem } from "@/lib/messages/events";
import type { ClusterProblem } from "@/lib/schemas/cluster";
import { maxResultsOf, type MessageQuery } from "@/lib/schemas/messages";
import { getConfig } from "@/lib/server/config";
import { createMessageMatcher } from "@/lib/server/messages/matcher";
import { batchGate, storedRequirements } from "@/lib/server/messages/record-gate";
import { registryClient } from "@/lib/server/schema-registry";
import { requiredValueText, SearchSchemas } from "@/lib/server/schema-registry/search-schemas";

import type { ClusterResult, FetchConsumer } from "../cluster-pool";
import { describeKafkaError } from "../errors/describe-kafka-error";
import { problemStatus } from "../errors/problem-status";
import { currentPool } from "../global-pool";
import { isEmptyOutcome, PartitionFetcher, type BatchGate, type FetchOutcome } from "./partition-fetcher";
import { planSearch, type PartitionRange } from "./plan";
import { closeConsumer, streamSearch } from "./search-stream";
import { isUnknownTopic, readLayout, readOffsetsForTime, readWatermarks } from "./topic-offsets";
import {
  acquireSearchSlot,
  releasingAtEnd,
  searchesExhausted,
  type SearchesExhausted,
  type SearchHolder,
} from "./search-slots";
import { untilStopped } from "./until-stopped";

export type SearchRefusal = {
  ok: false;
  status: 400 | 403 | 404 | 502 | 504;
  problem: SearchProblem;
  syntax?: FilterSyntaxError;
};
type StartedSearch = { ok: true; events: AsyncGenerator<SearchEvent> } | SearchRefusal;
export type SearchStart = StartedSearch | SearchesExhausted;

export interface SearchOptions {
  /** Stops the search: fetching ends within a second and the consumer is closed. */
  signal: AbortSignal;
  /** Who runs it: searches are capped per user and per API token. */
  holder: SearchHolder;
  /** Payload bytes sent per key, value and header value; default: messages.previewBytes. */
  previewBytes?: number;
  /** The most one fetch response may carry; default: messages.fetchBytes. */
  fetchBytes?: number;
  /** Decodes values framed for a schema registry; default: the cluster's registry, when it has one. */
  schemas?: SearchSchemas;
}

/**
 * Starts a search in one of the holder's slots. The slot is given back however the search ends: its
 * last event, Stop or the client going away (the signal), an error, or a refusal before it starts.
 */
export async function searchMessages(
  cluster: string,
  topic: string,
  query: MessageQuery,
  options: SearchOptions,
): Promise<SearchStart> {
  const settings = getConfig().messages;
  const slot = acquireSearchSlot(options.holder, settings.maxConcurrentSearches);
  if (!slot.ok) return searchesExhausted(options.holder, slot);
  const { signal } = options;
  signal.addEventListener("abort", slot.release, { once: true });
  if (signal.aborted) slot.release();
  const previewBytes = options.previewBytes ?? settings.previewBytes;
  try {
    const fetchBytes = options.fetchBytes ?? settings.fetchBytes;
    const registry = registryClient(cluster);
    const schemas = options.schemas ?? (registry && new SearchSchemas(registry));
    const started = await startSearch(() => openConsumer(cluster), topic, query, {
      signal,
      previewBytes,
      fetchBytes,
      schemas,
    });
    if (!started.ok) slot.release();
    return started.ok ? { ok: true, events: releasingAtEnd(started.events, slot.release) } : started;
  } catch (error) {
    slot.release();
    throw error;
  }
}

/** searchMessages with the consumer's source injected (tests give it a pool of their own). */
export async function startSearch(
  open: () => ClusterResult<FetchConsumer>,
  topic: string,
  query: MessageQuery,
  options: Required<Omit<SearchOptions, "holder" | "fetchBytes" | "schemas">> &
    Pick<SearchOptions, "fetchBytes" | "schemas">,
): Promise<StartedSearch> {
  const compiled = await createMessageMatcher(query);
  if (!compiled.ok) {
    const { error } = compiled;
    const problem = {
      title: `The ${error.field} filter is invalid`,
      hint: error.message,
      code: "FILTER_SYNTAX",
    };
    return { ok: false, status: 400, problem, syntax: error };
  }
  const matcher = compiled.matcher;
  const opened = open();
  if (!opened.ok) {
    matcher.dispose();
    return refused(opened.problem);
  }
  const fetchConsumer = opened.data;
  const { signal } = options;
  const closeOnStop = () => void closeConsumer(fetchConsumer);
  signal.addEventListener("abort", closeOnStop, { once: true });
  const give = async (failure: SearchRefusal) => {
    signal.removeEventListener("abort", closeOnStop);
    matcher.dispose();
    await closeConsumer(fetchConsumer);
    return failure;
  };

  const gate = batchGate(storedRequirements(matcher.requirements, Boolean(options.schemas)));
  const prepared = await prepare(fetchConsumer, topic, query, options.fetchBytes, gate);
  if (!prepared.ok) return give(prepared);
  const { plan, fetcher } = prepared;
  const first = await firstFetch(fetcher, plan.partitions, signal);
  if (first && !first.ok) {
    const problem = fetchConsumer.describe(first.error, { operation: "READ", resourceName: topic });
    if (problem.kind === "authorization") return give(refused(problem));
  }
  const events = streamSearch({
    topic,
    fetchConsumer,
    fetcher,
    matcher,
    plan: {
      tail: plan.tail,
      notices:
        query.start === "newest" && matcher.active ? [...plan.notices, NEWEST_FILTERED_NOTICE] : plan.notices,
      partitions: plan.partitions.map((range) => ({
        partition: range.partition,
        low: range.low.toString(),
        high: range.high.toString(),
        start: range.start.toString(),
        position: range.start.toString(),
        end: range.end === null ? null : range.end.toString(),
      })),
    },
    firstOutcome: first && isEmptyOutcome(first) ? null : first,
    max: maxResultsOf(query),
    previewBytes: options.previewBytes,
    signal,
    schemas: options.schemas,
    requiredValueText: options.schemas && matcher.active ? requiredValueText(query) : null,
  });
  return { ok: true, events };
}

export const NEWEST_FILTERED_NOTICE =
  "The filters apply to the newest messages only (as many as the maximum); start at the oldest or at a time to search further back";

type Prepared =
  | {
      ok: true;
      plan: { partitions: PartitionRange[]; notices: string[]; tail: boolean };
      fetcher: PartitionFetcher;
    }
  | SearchRefusal;

/** Metadata, watermarks (and offsets for a time), then the plan. */
async function prepare(
  { consumer, describe }: FetchConsumer,
  topic: string,
  query: MessageQuery,
  fetchBytes?: number,
  gate: BatchGate | null = null,
): Promise<Prepared> {
  try {
    consumer.topics.track(topic);
    const layout = await readLayout(consumer, topic);
    const count = layout.leaders.length;
    if (query.partition !== undefined && query.partition >= count) {
      const title = `Topic ${topic} has no partition ${query.partition}`;
      const hint = `It has ${count} partition${count === 1 ? "" : "s"}: choose one from 0 to ${count - 1}.`;
      return { ok: false, status: 400, problem: { title, hint, code: "UNKNOWN_PARTITION" } };
    }
    const partitions = query.partition === undefined ? [...layout.leaders.keys()] : [query.partition];
    const [watermarks, timestampOffsets] = await Promise.all([
      readWatermarks(consumer, topic, partitions),
      query.start === "timestamp" && query.timestamp !== undefined
        ? readOffsetsForTime(consumer, topic, partitions, query.timestamp)
        : undefined,
    ]);
    const plan = planSearch(watermarks, {
      start: query.start,
      partition: query.partition,
      offset: query.offset === undefined ? undefined : BigInt(query.offset),
      max: maxResultsOf(query),
      timestamp: query.timestamp,
      timestampOffsets,
    });
    if (!plan.ok)
      return {
        ok: false,
        status: 400,
        problem: { title: plan.message, hint: "", code: "UNKNOWN_PARTITION" },
      };
    return {
      ok: true,
      plan,
      fetcher: new PartitionFetcher(consumer, plan.partitions, layout, fetchBytes, gate),
    };
  } catch (error) {
    if (isUnknownTopic(error)) {
      const problem = {
        title: `Topic ${topic} does not exist`,
        hint: "Check the name; it may have been deleted. The topic list shows the topics there are.",
        code: "UNKNOWN_TOPIC_OR_PARTITION",
      };
      return { ok: false, status: 404, problem };
    }
    return refused(describe(error, { operation: "DESCRIBE", resourceName: topic }));
  }
}

/**
 * The first round of fetches, made before the search is answered so that a missing READ is a 403
 * rather than an error event. When there is nothing to read, one empty fetch checks READ all the same.
 */
async function firstFetch(
  fetcher: PartitionFetcher,
  ranges: PartitionRange[],
  signal: AbortSignal,
): Promise<FetchOutcome | null> {
  fetcher.launch(0);
  if (fetcher.busy()) return untilStopped(fetcher.next(), signal);
  const first = ranges[0];
  if (!first) return null;
  const probe = await untilStopped(fetcher.probe(first.partition, first.start), signal);
  return probe && !probe.ok ? probe : null;
}

function refused(problem: ClusterProblem): SearchRefusal {
  const searchProblem: SearchProblem = { title: problem.title, hint: problem.hint, code: problem.code };
  return { ok: false, status: problemStatus(problem), problem: searchProblem };
}

export function openConsumer(cluster: string): ClusterResult<FetchConsumer> {
  try {
    return currentPool().openFetchConsumer(cluster);
  } catch (error) {
    return { ok: false, problem: describeKafkaError(error) };
  }
}
