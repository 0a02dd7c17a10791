// Counts the Kafka requests a call sends and how long each API's answers took, from the client's own
// diagnostics channel (plt:kafka:connections:api): where a call's time goes, request by request.
import { tracingChannel } from "node:diagnostics_channel";

import { protocolAPIsById } from "@platformatic/kafka";

interface RequestContext {
  apiKey?: number;
  benchStartedAt?: number;
}

export interface RequestFigures {
  api: string;
  count: number;
  /** Σ of each request's time from being sent to its answer being parsed; requests overlap. */
  totalMs: number;
  maxMs: number;
}

export function traceKafkaRequests() {
  const channel = tracingChannel<unknown, RequestContext>("plt:kafka:connections:api");
  const figures = new Map<string, RequestFigures>();
  const handlers = {
    start(context: RequestContext) {
      context.benchStartedAt = performance.now();
    },
    asyncStart(context: RequestContext) {
      if (context.benchStartedAt === undefined) return;
      const api = protocolAPIsById[context.apiKey ?? -1] ?? `ApiKey ${context.apiKey}`;
      const took = performance.now() - context.benchStartedAt;
      const entry = figures.get(api) ?? { api, count: 0, totalMs: 0, maxMs: 0 };
      entry.count += 1;
      entry.totalMs += took;
      entry.maxMs = Math.max(entry.maxMs, took);
      figures.set(api, entry);
    },
    end() {},
    asyncEnd() {},
    error() {},
  };
  channel.subscribe(handlers);
  return {
    stop(): RequestFigures[] {
      channel.unsubscribe(handlers);
      return [...figures.values()].sort((a, b) => b.totalMs - a.totalMs);
    },
  };
}

export const describeRequests = (figures: RequestFigures[]) =>
  figures
    .map(
      (entry) =>
        `${entry.api} ×${entry.count} (Σ ${entry.totalMs.toFixed(0)} ms, slowest ${entry.maxMs.toFixed(0)} ms)`,
    )
    .join(", ");
