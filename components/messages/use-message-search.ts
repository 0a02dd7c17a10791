"use client";

// Runs a message search over the streaming route: reads the SSE body as it arrives, keeps the
// records in a plain array (never in React state, one item at a time), and re-renders at most
// about ten times a second, so 100,000 rows arrive without freezing the page.
import { useCallback, useEffect, useRef, useState } from "react";
import type { WireRecord } from "@/lib/messages/events";
import {
  applySearchEvent,
  closedSearch,
  failureFromResponse,
  IDLE_SEARCH,
  startedSearch,
  type SearchState,
} from "@/lib/messages/search-state";
import { readSearchStream } from "@/lib/messages/read-search-stream";
import { messageSearchUrl } from "@/lib/queries/messages";
import { encodeMessageQuery, type MessageQuery } from "@/lib/schemas/messages";

/** Minimum time between two renders of a running search. */
export const RENDER_INTERVAL_MS = 100;

export interface SearchResults {
  /** The records so far, in arrival order. Appended to in place: `count` says how many are in. */
  records: WireRecord[];
  count: number;
}

export interface MessageSearch {
  state: SearchState;
  results: SearchResults;
  /** Aborts any search under way and starts this one. */
  start: (query: MessageQuery) => void;
  /** Closes the stream: the server stops fetching when the connection closes. */
  stop: () => void;
  clear: () => void;
}

export function useMessageSearch(cluster: string, topic: string): MessageSearch {
  const [state, setState] = useState<SearchState>(IDLE_SEARCH);
  const [results, setResults] = useState<SearchResults>({ records: [], count: 0 });
  const pending = useRef<{ state: SearchState; records: WireRecord[] }>({ state: IDLE_SEARCH, records: [] });
  const controller = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRender = useRef(0);

  const render = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    lastRender.current = performance.now();
    const { state: next, records } = pending.current;
    setState(next);
    setResults((current) =>
      current.records === records && current.count === records.length
        ? current
        : { records, count: records.length },
    );
  }, []);

  const scheduleRender = useCallback(() => {
    if (timer.current !== null) return;
    const wait = Math.max(0, RENDER_INTERVAL_MS - (performance.now() - lastRender.current));
    timer.current = setTimeout(render, wait);
  }, [render]);

  const run = useCallback(
    async (query: MessageQuery, abort: AbortController) => {
      const records = pending.current.records;
      const current = () => pending.current.records === records;
      try {
        const response = await fetch(messageSearchUrl(cluster, topic, encodeMessageQuery(query)), {
          headers: { Accept: "text/event-stream" },
          cache: "no-store",
          signal: abort.signal,
        });
        const type = response.headers.get("content-type") ?? "";
        if (!response.ok || !response.body || type.includes("application/json")) {
          const body: unknown = await response.json().catch(() => null);
          if (!current()) return;
          pending.current.state = {
            ...pending.current.state,
            status: "failed",
            failure: failureFromResponse(response.ok ? 500 : response.status, body),
          };
          return render();
        }
        await readSearchStream(response.body, (events) => {
          if (!current()) return false;
          for (const event of events) {
            if (event.type === "records") {
              for (const record of event.records) records.push(record);
            } else {
              pending.current.state = applySearchEvent(pending.current.state, event);
            }
          }
          // After done or error nothing more that matters follows.
          if (pending.current.state.status !== "running") return false;
          if (events.length > 0) scheduleRender();
          return true;
        });
      } catch (error) {
        if (!current()) return;
        if (!abort.signal.aborted)
          pending.current.state = {
            ...pending.current.state,
            status: "failed",
            failure: {
              title: "The search could not reach the console",
              hint: error instanceof Error ? error.message : String(error),
            },
          };
      }
      if (!current()) return;
      pending.current.state = closedSearch(pending.current.state);
      render();
    },
    [cluster, topic, render, scheduleRender],
  );

  const start = useCallback(
    (query: MessageQuery) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      pending.current = { state: startedSearch(query.start === "tail"), records: [] };
      render();
      void run(query, abort);
    },
    [run, render],
  );

  const stop = useCallback(() => {
    if (pending.current.state.status !== "running") return;
    pending.current.state = { ...pending.current.state, stopRequested: true };
    controller.current?.abort();
    controller.current = null;
    pending.current.state = closedSearch(pending.current.state);
    render();
  }, [render]);

  const clear = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    pending.current = { state: IDLE_SEARCH, records: [] };
    render();
  }, [render]);

  useEffect(
    () => () => {
      controller.current?.abort();
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  return { state, results, start, stop, clear };
}
