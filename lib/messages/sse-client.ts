// Turns the search stream's bytes (Server-Sent Events, as the messages route sends them) into
// SearchEvent objects. Pure and incremental: feed it chunks as they arrive, in any split.
import type { SearchEvent } from "./events";

const EVENT_TYPES = new Set<SearchEvent["type"]>([
  "plan",
  "records",
  "progress",
  "notice",
  "filter-error",
  "done",
  "error",
]);

export interface SseParser {
  /** Returns the events completed by this chunk; a partial event waits for the next chunk. */
  push(chunk: Uint8Array | string): SearchEvent[];
  /** The stream ended: an event left without its blank line is dispatched if complete. */
  end(): SearchEvent[];
  /** Lines that were not valid events (malformed JSON, unknown types): counted, never thrown. */
  readonly skipped: number;
}

/**
 * The data is the whole event as JSON; when it lacks `type`, the `event:` field names it. Comments
 * (`: keep-alive`), `id:` and `retry:` fields are ignored, as EventSource does.
 */
export function createSseParser(): SseParser {
  const decoder = new TextDecoder("utf-8");
  let buffer = "";
  let eventName = "";
  let dataLines: string[] = [];
  let skipped = 0;

  const dispatch = (events: SearchEvent[]) => {
    if (dataLines.length === 0) {
      eventName = "";
      return;
    }
    const data = dataLines.join("\n");
    const name = eventName;
    eventName = "";
    dataLines = [];
    const event = toSearchEvent(name, data);
    if (event) events.push(event);
    else skipped += 1;
  };

  const processLine = (line: string, events: SearchEvent[]) => {
    if (line === "") return dispatch(events);
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") eventName = value;
    else if (field === "data") dataLines.push(value);
  };

  const drain = (final: boolean): SearchEvent[] => {
    const events: SearchEvent[] = [];
    let start = 0;
    for (;;) {
      const lf = buffer.indexOf("\n", start);
      const cr = buffer.indexOf("\r", start);
      let end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) break;
      // A CR at the very end may be the first half of CRLF: wait for the next chunk.
      if (end === cr && end === buffer.length - 1 && !final) break;
      const line = buffer.slice(start, end);
      if (buffer[end] === "\r" && buffer[end + 1] === "\n") end += 1;
      start = end + 1;
      processLine(line, events);
    }
    buffer = buffer.slice(start);
    if (final) {
      if (buffer !== "") processLine(buffer, events);
      buffer = "";
      dispatch(events);
    }
    return events;
  };

  return {
    push(chunk) {
      buffer += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
      return drain(false);
    },
    end() {
      buffer += decoder.decode();
      return drain(true);
    },
    get skipped() {
      return skipped;
    },
  };
}

function toSearchEvent(name: string, data: string): SearchEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  return fromObject(name, parsed);
}

function fromObject(name: string, parsed: unknown): SearchEvent | null {
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const object = parsed as Record<string, unknown>;
  // The NDJSON envelope `{ event, data }` inside a data line: unwrap it.
  if (typeof object.event === "string" && typeof object.data === "object" && object.data !== null)
    return fromObject(object.event, object.data);
  const type = typeof object.type === "string" ? object.type : name;
  if (!EVENT_TYPES.has(type as SearchEvent["type"])) return null;
  return { ...object, type } as SearchEvent;
}
