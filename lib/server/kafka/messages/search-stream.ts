// The events of a running search. Pull-based: the next fetch is asked for only when the reader of the
// generator wants more, so a slow browser slows the fetching and memory stays bounded.
import type { FetchConsumer } from "@/lib/server/kafka/cluster-pool";
import type {
  PartitionProgress,
  SearchCounters,
  SearchEndReason,
  SearchEvent,
  SearchPlanPartition,
  WireRecord,
  WireValueSchema,
} from "@/lib/messages/events";
import type { BytesRecord } from "@/lib/messages/filters";
import type { FilterableRecord, MessageMatcher } from "@/lib/server/messages/matcher";
import type {
  RecordDecoding,
  SearchSchemas,
  ValueDecoding,
} from "@/lib/server/schema-registry/search-schemas";

import type { FetchedRecord, FetchOutcome, PartitionFetcher } from "./partition-fetcher";
import { characterBoundary, recordSize, recordTimestamp, toWireRecord } from "./records";
import { FetchRecovery } from "./fetch-recovery";
import { fetched as noteFetched, searchBegan, searchEnded } from "./memory-after-searches";
import { untilStopped } from "./until-stopped";

export const RECORDS_PER_EVENT = 300;
export const PROGRESS_EVERY_MS = 250;
export const MAX_FILTER_ERROR_EVENTS = 100;

export interface SearchRun {
  topic: string;
  fetchConsumer: FetchConsumer;
  fetcher: PartitionFetcher;
  matcher: MessageMatcher;
  plan: { partitions: SearchPlanPartition[]; notices: string[]; tail: boolean };
  /** The outcome of the fetch made before the search was answered (to check READ). */
  firstOutcome: FetchOutcome | null;
  max: number;
  previewBytes: number;
  signal: AbortSignal;
  /** The cluster's registry schemas: framed values are decoded, and filtered and shown decoded. */
  schemas?: SearchSchemas;
  /** Text a decoded value must hold to match (requiredValueText): values without it are not decoded. */
  requiredValueText?: Buffer | null;
}

export async function* streamSearch(run: SearchRun): AsyncGenerator<SearchEvent> {
  const { fetcher, matcher, signal } = run;
  const startedAt = Date.now();
  const counters: SearchCounters = { scanned: 0, matched: 0, bytes: 0, elapsedMs: 0 };
  let filterErrors = 0;
  let lastProgressAt = 0;
  let pending = run.firstOutcome;
  const recovery = new FetchRecovery(run.fetchConsumer, run.topic, fetcher);
  let closed = false;
  searchBegan();
  const close = async () => {
    if (closed) return;
    closed = true;
    searchEnded();
    matcher.dispose();
    await closeConsumer(run.fetchConsumer);
  };

  const positions = (): PartitionProgress[] =>
    [...fetcher.cursors.values()].map((cursor) => ({
      partition: cursor.partition,
      position: cursor.next.toString(),
      end: cursor.end === null ? null : cursor.end.toString(),
    }));
  const snapshot = () => ({ ...counters, elapsedMs: Date.now() - startedAt });
  // Also while a broker is away: the client sees the search is alive, proxies see bytes.
  const progressDue = () => {
    if (Date.now() - lastProgressAt < PROGRESS_EVERY_MS) return null;
    lastProgressAt = Date.now();
    return { type: "progress", counters: snapshot(), partitions: positions() } satisfies SearchEvent;
  };
  const done = (reason: SearchEndReason): SearchEvent => ({
    type: "done",
    reason,
    counters: snapshot(),
    partitions: positions(),
    filterErrors,
  });

  try {
    yield { type: "plan", ...run.plan };
    let reason: SearchEndReason | null = null;
    while (reason === null) {
      if (signal.aborted) {
        reason = "stopped";
        break;
      }
      if (!pending && !fetcher.active() && !fetcher.busy()) {
        reason = "end";
        break;
      }
      let outcome = pending;
      pending = null;
      if (!outcome) {
        const waiting = fetcher.launch();
        if (!fetcher.busy()) {
          // Every partition left is waiting for a leader.
          const step = await recovery.afterLeaderless(waiting, signal);
          for (const event of step.events) yield event;
          if (step.fatal) reason = "error";
          const progress = reason === null && progressDue();
          if (progress) yield progress;
          continue;
        }
        if (waiting > 0) recovery.refreshInBackground();
        outcome = await untilStopped(fetcher.next(), signal);
        if (outcome === null) continue;
      }
      if (!outcome.ok) {
        const step = await recovery.afterFailure(outcome.error, signal);
        for (const event of step.events) yield event;
        if (step.fatal) reason = "error";
        const progress = reason === null && progressDue();
        if (progress) yield progress;
        continue;
      }
      for (const event of recovery.afterSuccess()) yield event;
      noteFetched(outcome.bytes);
      // Ask for the next round now, so it travels while this one is read and sent.
      fetcher.launch();

      const scanned = outcome.records;
      let decodings: RecordDecoding[] = [];
      if (run.schemas && scanned.length > 0) {
        // Fetching a schema waits for the registry: Stop does not wait.
        const decoded = await untilStopped(
          run.schemas.decodeRecords(
            scanned.map((fetched) => fetched.record),
            run.requiredValueText,
          ),
          signal,
        );
        if (!decoded) continue;
        decodings = decoded;
      }
      let limit = scanned.length;
      let matches: boolean[] | null = null;
      if (matcher.active && scanned.length > 0) {
        // Values the decoding found cannot match are not handed to the filter.
        const candidates: number[] = [];
        for (let index = 0; index < scanned.length; index++)
          if (!decodings[index]?.cannotMatch) candidates.push(index);
        const records = candidates.map((index) => filterable(scanned[index]!, decodings[index]));
        // The filter may wait its turn on a worker shared with other searches: Stop does not wait.
        const result = await untilStopped(matcher.match(records), signal);
        if (!result) continue;
        matches = new Array<boolean>(scanned.length).fill(false);
        result.matches.forEach((matched, at) => (matches![candidates[at]!] = matched));
        const failures = result.fatal ? [...result.failures, result.fatal] : result.failures;
        for (const failure of failures) {
          if (filterErrors++ < MAX_FILTER_ERROR_EVENTS) yield { type: "filter-error", failure };
        }
        if (result.fatal) {
          limit = candidates[result.matches.length] ?? scanned.length;
          reason = "filter-failed";
        }
      }
      let shown: WireRecord[] = [];
      // Records the gate counted without reading them, in their place among the others.
      const skips = outcome.skipped;
      let skip = 0;
      const countSkippedBefore = (index: number) => {
        for (; skip < skips.length && skips[skip]!.before <= index; skip++) {
          counters.scanned += skips[skip]!.records;
          counters.bytes += skips[skip]!.bytes;
        }
      };
      for (let index = 0; index < limit; index++) {
        countSkippedBefore(index);
        const fetched = scanned[index]!;
        counters.scanned++;
        counters.bytes += recordSize(fetched.record);
        if (matches && !matches[index]) continue;
        const wire = toWireRecord(fetched.partition, fetched.batch, fetched.record, run.previewBytes);
        const decoding = decodings[index];
        if (decoding?.value) wire.valueSchema = previewOf(decoding.value, run.previewBytes);
        if (decoding?.key) wire.keySchema = previewOf(decoding.key, run.previewBytes);
        shown.push(wire);
        counters.matched++;
        if (shown.length === RECORDS_PER_EVENT) {
          yield { type: "records", records: shown };
          shown = [];
        }
        if (counters.matched >= run.max) {
          reason = "max";
          break;
        }
      }
      if (limit === scanned.length && reason === null) countSkippedBefore(scanned.length);
      if (shown.length > 0) yield { type: "records", records: shown };
      const progress = reason === null && progressDue();
      if (progress) yield progress;
    }
    if (reason === "error" && recovery.problem) yield { type: "error", problem: recovery.problem };
    await close();
    yield done(reason);
  } finally {
    await close();
  }
}

/** What the filters see: a decoded value or key as its JSON text, anything else as stored. */
function filterable(
  { partition, offset, batch, record }: FetchedRecord,
  decoding?: RecordDecoding,
): FilterableRecord {
  const timestamp = recordTimestamp(batch, record);
  const key = decoding?.key?.jsonBytes ?? record.key;
  const decoded = decoding?.value;
  if (!decoded) return { partition, offset, timestamp, key, value: record.value, headers: record.headers };
  // The JSON text is made only when a filter reads the value as text or bytes; a JSON path reads the
  // decoded value itself (RecordView.valueJson). A getter in the literal: defineProperty would cost
  // more than the decoding.
  const decodedRecord: FilterableRecord & Pick<BytesRecord, "parsedValue"> = {
    partition,
    offset,
    timestamp,
    key,
    get value() {
      return decoded.jsonBytes;
    },
    headers: record.headers,
    parsedValue: decoded.parsed,
  };
  return decodedRecord;
}

/** The decoded JSON cut at the preview size like any payload ("load the full value" has it whole). */
export function previewOf({ schema }: ValueDecoding, previewBytes: number): WireValueSchema {
  if (schema.json === undefined || schema.json.length <= previewBytes / 4) return schema;
  const bytes = Buffer.from(schema.json);
  if (bytes.length <= previewBytes) return schema;
  const cut = bytes.subarray(0, characterBoundary(bytes.subarray(0, previewBytes)));
  return { ...schema, json: cut.toString("utf8"), jsonTruncated: true };
}

const CLOSE_WITHIN_MS = 1_000;

/** Force: outstanding fetches fail at once instead of holding the search open. */
export async function closeConsumer({ consumer }: FetchConsumer): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_WITHIN_MS);
  });
  await Promise.race([consumer.close(true).catch(() => {}), giveUp]);
  clearTimeout(timer);
}
