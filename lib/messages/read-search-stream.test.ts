import { describe, expect, it } from "vitest";
import type { SearchEvent } from "./events";
import { readSearchStream } from "./read-search-stream";

const encoder = new TextEncoder();

function streamOf(chunks: string[]) {
  let cancelled = false;
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

const frame = (event: SearchEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

describe("readSearchStream", () => {
  it("hands over events as chunks complete them, to the end of the stream", async () => {
    const text = frame({ type: "notice", message: "one" }) + frame({ type: "records", records: [] });
    const { body } = streamOf([text.slice(0, 10), text.slice(10, 50), text.slice(50)]);
    const seen: SearchEvent["type"][] = [];
    await readSearchStream(body, (events) => {
      seen.push(...events.map((event) => event.type));
      return true;
    });
    expect(seen).toEqual(["notice", "records"]);
  });

  it("cancels the stream when told to stop, so the server stops fetching", async () => {
    const done = frame({
      type: "done",
      reason: "max",
      counters: { scanned: 1, matched: 1, bytes: 1, elapsedMs: 1 },
      partitions: [],
      filterErrors: 0,
    });
    const stream = streamOf([done, frame({ type: "notice", message: "never read" })]);
    const seen: SearchEvent["type"][] = [];
    await readSearchStream(stream.body, (events) => {
      seen.push(...events.map((event) => event.type));
      return !events.some((event) => event.type === "done");
    });
    expect(seen).toEqual(["done"]);
    expect(stream.cancelled()).toBe(true);
  });
});
