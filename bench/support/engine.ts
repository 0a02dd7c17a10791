// The search engine and the route's event-stream response, loaded when the benchmark reaches them
// (the other benchmarks in bench/run.ts need neither), with the console configured for the local cluster.
import type { SearchEvent } from "@/lib/messages/events";
import type { searchMessages } from "@/lib/server/kafka/messages";

export type SearchMessages = typeof searchMessages;

/** Whom the benchmark's searches count against (messages.maxConcurrentSearches); it runs one at a time. */
export const BENCH_HOLDER = { kind: "token", actor: "bench" } as const;

/** The route's answer for a search: the same encoder, the same pull-based body. */
export type EventStreamResponse = (
  request: Request,
  events: AsyncGenerator<SearchEvent>,
  options?: { onCancel?: () => void },
) => Response;

export interface Engine {
  searchMessages: SearchMessages;
  eventStreamResponse: EventStreamResponse;
  /** Closes the engine's connections (the console's pool). */
  close(): Promise<void>;
}

export async function loadEngine(configPath: string): Promise<Engine> {
  // The engine reads the configuration on first use.
  process.env.CONSOLE_CONFIG = configPath;
  const [{ searchMessages }, { eventStreamResponse }, { closeCurrentPool }] = await Promise.all([
    import("@/lib/server/kafka/messages"),
    import("@/app/api/v1/_lib/event-stream"),
    // Not lib/server/kafka's index: that one also loads the auth module (and next/navigation).
    import("@/lib/server/kafka/global-pool"),
  ]);
  return { searchMessages, eventStreamResponse, close: closeCurrentPool };
}
