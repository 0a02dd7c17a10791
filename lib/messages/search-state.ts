// What the inspector knows about a running search, folded from its stream of events. Pure; the
// records themselves are kept apart (a plain array the hook appends to) so 100,000 of them never pass
// through React state.
import type {
  FilterFailure,
  FilterSyntaxError,
  PartitionProgress,
  SearchCounters,
  SearchEndReason,
  SearchEvent,
  SearchPlanPartition,
  SearchProblem,
} from "./events";

/** Only the first filter errors are kept for display; the count stays exact. */
export const MAX_SHOWN_FILTER_ERRORS = 50;

export type SearchStatus = "idle" | "running" | "done" | "failed";

export interface SearchFailure extends SearchProblem {
  /** HTTP status of a refused search; absent for an error event in the stream. */
  status?: number;
  syntax?: FilterSyntaxError;
  fields?: Record<string, string[]>;
}

export interface SearchState {
  status: SearchStatus;
  tail: boolean;
  plan: SearchPlanPartition[];
  counters: SearchCounters;
  partitions: PartitionProgress[];
  notices: string[];
  filterErrors: FilterFailure[];
  filterErrorCount: number;
  reason?: SearchEndReason;
  failure?: SearchFailure;
  /** Stop was pressed: the stream may close without a done event. */
  stopRequested: boolean;
}

export const EMPTY_COUNTERS: SearchCounters = { scanned: 0, matched: 0, bytes: 0, elapsedMs: 0 };

export const IDLE_SEARCH: SearchState = {
  status: "idle",
  tail: false,
  plan: [],
  counters: EMPTY_COUNTERS,
  partitions: [],
  notices: [],
  filterErrors: [],
  filterErrorCount: 0,
  stopRequested: false,
};

export function startedSearch(tail: boolean): SearchState {
  return { ...IDLE_SEARCH, status: "running", tail };
}

/** Folds one event in; `records` events only bump the counters when no progress came yet. */
export function applySearchEvent(state: SearchState, event: SearchEvent): SearchState {
  switch (event.type) {
    case "plan":
      return {
        ...state,
        tail: event.tail,
        plan: event.partitions,
        partitions: event.partitions.map(({ partition, position, end }) => ({ partition, position, end })),
        notices: [...state.notices, ...event.notices],
      };
    case "records":
      return state;
    case "progress":
      return { ...state, counters: event.counters, partitions: event.partitions };
    case "notice":
      return { ...state, notices: [...state.notices, event.message] };
    case "filter-error":
      return {
        ...state,
        filterErrorCount: state.filterErrorCount + 1,
        filterErrors:
          state.filterErrors.length < MAX_SHOWN_FILTER_ERRORS
            ? [...state.filterErrors, event.failure]
            : state.filterErrors,
      };
    case "done":
      return {
        ...state,
        status: "done",
        reason: event.reason,
        counters: event.counters,
        partitions: event.partitions.length > 0 ? event.partitions : state.partitions,
        filterErrorCount: Math.max(state.filterErrorCount, event.filterErrors),
      };
    case "error":
      return { ...state, status: "failed", failure: event.problem };
  }
}

/** The stream closed: without a done event that is a stop (if asked) or a lost connection. */
export function closedSearch(state: SearchState): SearchState {
  if (state.status !== "running") return state;
  if (state.stopRequested) return { ...state, status: "done", reason: "stopped" };
  return {
    ...state,
    status: "failed",
    failure: {
      title: "The connection to the console closed before the search ended",
      hint: "The results so far are kept. Run the search again to continue.",
    },
  };
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    syntax?: FilterSyntaxError;
    fields?: Record<string, string[]>;
  };
}

const STATUS_TITLES: Record<number, string> = {
  400: "A filter is not valid",
  401: "Your session has ended",
  403: "Not allowed to read this topic",
  404: "The topic does not exist",
  422: "The search has invalid fields",
  429: "Too many searches running",
  502: "The cluster could not be reached",
  504: "The cluster did not answer in time",
};

const STATUS_HINTS: Record<number, string> = {
  401: "Sign in again, then repeat the search.",
  404: "It may have been deleted. Go back to the topic list.",
  502: "Check that the brokers are up, then search again.",
  504: "The brokers may be overloaded. Search again in a moment.",
};

/** A JSON error answer (before any event was streamed) as a failure to show. */
export function failureFromResponse(status: number, body: unknown): SearchFailure {
  const error = (typeof body === "object" && body !== null ? (body as ErrorBody).error : undefined) ?? {};
  return {
    status,
    code: error.code,
    title: STATUS_TITLES[status] ?? `The search failed (HTTP ${status})`,
    hint: error.message ?? STATUS_HINTS[status] ?? "",
    ...(error.syntax && { syntax: error.syntax }),
    ...(error.fields && { fields: error.fields }),
  };
}

/** A partition's progress between its start and end offsets, 0 to 1; null while tailing. */
export function partitionFraction(plan: SearchPlanPartition | undefined, progress: PartitionProgress) {
  if (progress.end === null || !plan) return null;
  const start = Number(plan.start);
  const span = Number(progress.end) - start;
  if (!(span > 0)) return 1;
  return Math.min(1, Math.max(0, (Number(progress.position) - start) / span));
}

export const END_REASONS: Record<SearchEndReason, string> = {
  end: "Reached the end offsets captured when the search started.",
  max: "Reached the maximum number of results.",
  stopped: "Stopped.",
  "filter-failed": "Stopped: the filter ran out of time or memory on a message.",
  error: "Stopped by an error.",
};
