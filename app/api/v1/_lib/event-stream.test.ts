import { describe, expect, it } from "vitest";

import type { SearchEvent } from "@/lib/messages/events";

import { eventStreamResponse, frameEvent } from "./event-stream";

const notice = (message: string): SearchEvent => ({ type: "notice", message });

function request(accept?: string) {
  return new Request("http://console.test/api/v1/clusters/local/topics/orders/messages", {
    headers: accept ? { accept } : {},
  });
}

/** A generator that records how far it was asked and whether it was closed. */
function counted(events: SearchEvent[]) {
  const state = { pulled: 0, closed: false };
  async function* generate() {
    try {
      for (const event of events) {
        state.pulled++;
        yield event;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, events: generate() };
}

describe("frameEvent", () => {
  it("frames an SSE event with its type and the whole event as one line of data", () => {
    expect(frameEvent(notice("line one\nline two"), "sse")).toBe(
      'event: notice\ndata: {"type":"notice","message":"line one\\nline two"}\n\n',
    );
  });

  it("writes one JSON object per line for NDJSON", () => {
    expect(frameEvent(notice("hi"), "ndjson")).toBe('{"type":"notice","message":"hi"}\n');
  });
});

describe("eventStreamResponse", () => {
  it("streams SSE by default, with headers that keep proxies from buffering", async () => {
    const { events, state } = counted([notice("a"), notice("b")]);
    const response = eventStreamResponse(request("text/event-stream"), events);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(await response.text()).toBe(frameEvent(notice("a"), "sse") + frameEvent(notice("b"), "sse"));
    expect(state.closed).toBe(true);
  });

  it("streams NDJSON when the client accepts it", async () => {
    const { events } = counted([notice("a")]);
    const response = eventStreamResponse(request("application/x-ndjson"), events);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(await response.text()).toBe('{"type":"notice","message":"a"}\n');
  });

  it("asks the generator for more only as the client reads", async () => {
    const { events, state } = counted(Array.from({ length: 100 }, (_, i) => notice(String(i))));
    const reader = eventStreamResponse(request(), events).body!.getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The chunk read, plus at most the one the stream keeps ready.
    expect(state.pulled).toBeLessThanOrEqual(2);
    await reader.cancel();
  });

  it("closes the generator and calls onCancel when the client goes away", async () => {
    const { events, state } = counted(Array.from({ length: 100 }, (_, i) => notice(String(i))));
    let cancelled = false;
    const reader = eventStreamResponse(request(), events, {
      onCancel: () => (cancelled = true),
    }).body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(cancelled).toBe(true);
    expect(state.closed).toBe(true);
  });

  it("ends with an error event when the generator throws", async () => {
    async function* failing(): AsyncGenerator<SearchEvent> {
      yield notice("a");
      throw new Error("secret detail");
    }
    const text = await eventStreamResponse(request("application/x-ndjson"), failing()).text();
    expect(
      text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line).type),
    ).toEqual(["notice", "error"]);
    expect(text).not.toContain("secret detail");
  });
});
