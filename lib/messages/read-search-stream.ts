// Reads a search's response body to the end (or until the caller has seen enough), handing over the
// events of each chunk as they arrive. Pure apart from the stream it is given.
import type { SearchEvent } from "./events";
import { createSseParser } from "./sse-client";

/**
 * `onEvents` returns false to stop reading (a done or error event arrived, or the caller moved on):
 * the stream is then cancelled, which closes the connection and stops the server's fetching.
 */
export async function readSearchStream(
  body: ReadableStream<Uint8Array>,
  onEvents: (events: SearchEvent[]) => boolean,
): Promise<void> {
  const reader = body.getReader();
  const parser = createSseParser();
  for (;;) {
    const { done, value } = await reader.read();
    const events = done ? parser.end() : parser.push(value);
    const more = onEvents(events);
    if (done) return;
    if (!more) {
      await reader.cancel().catch(() => undefined);
      return;
    }
  }
}
