import { describe, expect, it } from "vitest";
import { readJsonBody, readLimitedBytes } from "./request-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://console.test/api/v1/certificates", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

/** A stream that sends `total` bytes in 64 KiB chunks and records how far it was read. */
function countingStream(total: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const size = Math.min(65536, total - state.pulled);
      state.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, state };
}

describe("readJsonBody", () => {
  it("parses a JSON body within the limit", async () => {
    expect(await readJsonBody(post('{"certificate":{"cn":"app"}}'))).toEqual({
      ok: true,
      body: { certificate: { cn: "app" } },
    });
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, state } = countingStream(2048);
    const result = await readJsonBody(post(stream, { "content-length": "2048" }), { limit: 1024 });
    expect(result).toMatchObject({ ok: false, problem: { status: 413, code: "PAYLOAD_TOO_LARGE" } });
    expect(state.pulled).toBeLessThanOrEqual(65536);
  });

  it("stops reading once the bytes received pass the limit, whatever the headers say", async () => {
    const { stream, state } = countingStream(4 * 1024 * 1024);
    const result = await readJsonBody(post(stream), { limit: 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, problem: { status: 413 } });
    expect(state.pulled).toBeLessThan(2 * 1024 * 1024);
  });

  it("accepts a body of exactly the limit", async () => {
    const body = `"${"a".repeat(1022)}"`;
    expect(await readJsonBody(post(body), { limit: 1024 })).toMatchObject({ ok: true });
  });

  it("answers 400 for malformed JSON and for bytes that are not UTF-8", async () => {
    expect(await readJsonBody(post("{nope"))).toMatchObject({
      ok: false,
      problem: { status: 400, code: "MALFORMED_JSON" },
    });
    expect(await readJsonBody(post(new Uint8Array([0x22, 0xff, 0x22])))).toMatchObject({
      ok: false,
      problem: { status: 400 },
    });
  });

  it("reads an empty body as the given stand-in, or refuses it as malformed", async () => {
    const empty = () => new Request("http://console.test/", { method: "POST" });
    expect(await readJsonBody(empty(), { empty: {} })).toEqual({ ok: true, body: {} });
    expect(await readJsonBody(empty())).toMatchObject({ ok: false, problem: { status: 400 } });
  });

  it("reads an empty body as no bytes", async () => {
    const bytes = await readLimitedBytes(new Request("http://console.test/", { method: "POST" }), 10);
    expect(bytes?.byteLength).toBe(0);
  });
});
