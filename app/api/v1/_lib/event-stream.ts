// A search's events as a streamed response: Server-Sent Events, or NDJSON for scripts. Pull-based:
// the next event is asked of the generator only when the client has taken the previous one, so a
// slow client slows the search instead of filling the server's memory.
import type { SearchEvent } from "@/lib/messages/events";

export type EventStreamFormat = "sse" | "ndjson";

const CONTENT_TYPES: Record<EventStreamFormat, string> = {
  sse: "text/event-stream; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

export function eventStreamFormatOf(request: Request): EventStreamFormat {
  return request.headers.get("accept")?.includes("application/x-ndjson") ? "ndjson" : "sse";
}

/** One event as it goes on the wire; JSON never contains a raw newline, so one line of data. */
export function frameEvent(event: SearchEvent, format: EventStreamFormat): string {
  const json = JSON.stringify(event);
  return format === "ndjson" ? `${json}\n` : `event: ${event.type}\ndata: ${json}\n\n`;
}

export function eventStreamResponse(
  request: Request,
  events: AsyncGenerator<SearchEvent>,
  options: { onCancel?: () => void } = {},
): Response {
  const format = eventStreamFormatOf(request);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await events.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(frameEvent(next.value, format)));
        } catch {
          // The search ends its own failures with error events; this is a bug, said without details.
          const problem = {
            title: "The search stopped unexpectedly",
            hint: "The console's server log may have more. Start the search again.",
          };
          controller.enqueue(encoder.encode(frameEvent({ type: "error", problem }, format)));
          controller.close();
        }
      },
      // The client went away or pressed Stop: the search stops fetching and closes its consumer.
      async cancel() {
        options.onCancel?.();
        await events.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
