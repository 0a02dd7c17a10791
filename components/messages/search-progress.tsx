"use client";

import { formatBytes } from "@/lib/messages/decode";
import { END_REASONS, partitionFraction, type SearchState } from "@/lib/messages/search-state";
import { Badge } from "@/components/ui/badge";
import { FormMessage } from "@/components/ui/field";

const number = (value: number) => value.toLocaleString("en");

function elapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Counters, one small bar per partition, notices, filter errors and the final summary. */
export function SearchProgress({ state, shown }: { state: SearchState; shown: number }) {
  const { counters, status } = state;
  if (status === "idle") return null;
  const planByPartition = new Map(state.plan.map((plan) => [plan.partition, plan]));
  return (
    <section aria-label="Search progress" className="space-y-3 px-5 py-4" data-testid="search-progress">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm" role="status" aria-live="polite">
        <StatusBadge state={state} />
        <span>
          <span className="font-medium tabular-nums" data-testid="matched-count">
            {number(shown)}
          </span>{" "}
          {shown === 1 ? "result" : "results"}
        </span>
        {(state.plan.length > 0 || status !== "failed") && (
          <span className="text-zinc-600 tabular-nums dark:text-zinc-400">
            {number(counters.scanned)} scanned · {formatBytes(counters.bytes)} · {elapsed(counters.elapsedMs)}
          </span>
        )}
        {status === "done" && state.reason && (
          <span className="text-zinc-600 dark:text-zinc-400" data-testid="search-summary">
            {END_REASONS[state.reason]}
          </span>
        )}
      </div>

      {state.partitions.length > 0 && (
        <ul aria-label="Partitions" className="grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-4">
          {state.partitions.map((progress) => {
            const fraction = partitionFraction(planByPartition.get(progress.partition), progress);
            return (
              <li key={progress.partition} className="text-xs">
                <div className="flex justify-between gap-2 text-zinc-600 tabular-nums dark:text-zinc-400">
                  <span>Partition {progress.partition}</span>
                  <span>
                    {progress.position}
                    {progress.end === null ? " (tailing)" : ` / ${progress.end}`}
                  </span>
                </div>
                <div
                  className="mt-0.5 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
                  role="progressbar"
                  aria-label={`Partition ${progress.partition}`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
                >
                  <div
                    className={
                      fraction === null
                        ? "h-full w-full animate-pulse bg-sky-400/60"
                        : "h-full bg-sky-600 dark:bg-sky-400"
                    }
                    style={fraction === null ? undefined : { width: `${fraction * 100}%` }}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {state.notices.map((notice, index) => (
        <FormMessage key={index} tone="notice">
          {notice}
        </FormMessage>
      ))}

      {state.filterErrorCount > 0 && (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200"
        >
          <p className="font-medium">
            The filter failed on {number(state.filterErrorCount)}{" "}
            {state.filterErrorCount === 1 ? "message" : "messages"} (counted as not matching):
          </p>
          <ul className="mt-1 space-y-0.5 font-mono text-xs" data-testid="filter-errors">
            {state.filterErrors.map((failure, index) => (
              <li key={index}>
                partition {failure.partition}, offset {failure.offset}: {failure.kind} – {failure.message}
              </li>
            ))}
          </ul>
          {state.filterErrorCount > state.filterErrors.length && (
            <p className="mt-1 text-xs">Only the first {state.filterErrors.length} are listed.</p>
          )}
        </div>
      )}

      {state.failure && (
        <FormMessage tone="error">
          <span className="font-medium">{state.failure.title}.</span>
          {state.failure.hint && <> {state.failure.hint}</>}
          {state.failure.code && (
            <span className="ml-1 font-mono text-xs opacity-80">({state.failure.code})</span>
          )}
        </FormMessage>
      )}
    </section>
  );
}

function StatusBadge({ state }: { state: SearchState }) {
  if (state.status === "running") return <Badge tone="info">{state.tail ? "Tailing…" : "Searching…"}</Badge>;
  if (state.status === "failed") return <Badge tone="danger">Failed</Badge>;
  if (state.reason === "stopped") return <Badge tone="neutral">Stopped</Badge>;
  if (state.reason === "filter-failed" || state.reason === "error")
    return <Badge tone="warning">Ended early</Badge>;
  return <Badge tone="success">Done</Badge>;
}
