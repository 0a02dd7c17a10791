import { describe, expect, it } from "vitest";
import { createSseParser } from "./sse-client";

const encoder = new TextEncoder();

describe("createSseParser", () => {
  it("parses events whose data is the whole event", () => {
    const parser = createSseParser();
    const events = parser.push(
      'event: notice\ndata: {"type":"notice","message":"clamped"}\n\nevent: records\ndata: {"type":"records","records":[]}\n\n',
    );
    expect(events).toEqual([
      { type: "notice", message: "clamped" },
      { type: "records", records: [] },
    ]);
  });

  it("takes the type from the event field when the data lacks it", () => {
    const parser = createSseParser();
    expect(parser.push('event: notice\ndata: {"message":"hi"}\n\n')).toEqual([
      { type: "notice", message: "hi" },
    ]);
  });

  it("reassembles events split anywhere, even inside a multi-byte character", () => {
    const bytes = encoder.encode('event: notice\r\ndata: {"message":"température €"}\r\n\r\n');
    const parser = createSseParser();
    const events = [];
    for (let index = 0; index < bytes.length; index += 3)
      events.push(...parser.push(bytes.slice(index, index + 3)));
    events.push(...parser.end());
    expect(events).toEqual([{ type: "notice", message: "température €" }]);
  });

  it("joins multi-line data and ignores comments, ids and retry fields", () => {
    const parser = createSseParser();
    const events = parser.push(
      ': keep-alive\nid: 7\nretry: 1000\nevent: notice\ndata: {"message":\ndata: "x"}\n\n',
    );
    expect(events).toEqual([{ type: "notice", message: "x" }]);
  });

  it("skips malformed JSON and unknown types without throwing", () => {
    const parser = createSseParser();
    const events = parser.push(
      'data: {nope\n\nevent: bogus\ndata: {}\n\ndata: {"type":"notice","message":"ok"}\n\n',
    );
    expect(events).toEqual([{ type: "notice", message: "ok" }]);
    expect(parser.skipped).toBe(2);
  });

  it("dispatches a last event left without its blank line at the end", () => {
    const parser = createSseParser();
    expect(parser.push('data: {"type":"notice","message":"last"}')).toEqual([]);
    expect(parser.end()).toEqual([{ type: "notice", message: "last" }]);
  });

  it("unwraps the { event, data } envelope", () => {
    const parser = createSseParser();
    expect(parser.push('data: {"event":"notice","data":{"message":"wrapped"}}\n\n')).toEqual([
      { type: "notice", message: "wrapped" },
    ]);
  });

  it("keeps a lone CR at a chunk's end until it knows whether LF follows", () => {
    const parser = createSseParser();
    expect(parser.push('data: {"type":"notice","message":"a"}\r')).toEqual([]);
    expect(parser.push("\n\r\n")).toEqual([{ type: "notice", message: "a" }]);
  });
});
