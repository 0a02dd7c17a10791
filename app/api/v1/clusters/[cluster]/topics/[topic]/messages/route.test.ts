import { beforeEach, describe, expect, it, vi } from "vitest";

import type { SearchEvent } from "@/lib/messages/events";

const kafka = vi.hoisted(() => ({ searchMessages: vi.fn(), produceMessages: vi.fn() }));

vi.mock("@/lib/server/auth", async () => ({
  // Authentication is stubbed; the input is checked as the real guard checks it (test/support/route-guard.ts).
  guardedRoute: (await import("@/test/support/route-guard")).stubGuardedRoute({
    kind: "user",
    role: "viewer",
    actor: "user:alice",
  }),
}));
vi.mock("@/lib/server/kafka", () => kafka);

const { GET, POST } = await import("./route");

const context = { params: Promise.resolve({ cluster: "local", topic: "orders" }) };
const url = "http://console.test/api/v1/clusters/local/topics/orders/messages";

async function* events(...list: SearchEvent[]): AsyncGenerator<SearchEvent> {
  yield* list;
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe("GET messages", () => {
  it("rejects an invalid query with 422 before searching", async () => {
    const response = await GET(new Request(`${url}?start=offset`), context);
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toHaveProperty("offset");
    expect(kafka.searchMessages).not.toHaveBeenCalled();
  });

  it("answers a filter syntax error with 400 FILTER_SYNTAX and where it is", async () => {
    const syntax = { field: "value", message: "Unterminated group", position: 3 };
    kafka.searchMessages.mockResolvedValue({
      ok: false,
      status: 400,
      problem: { title: "The value filter is invalid", hint: "Unterminated group", code: "FILTER_SYNTAX" },
      syntax,
    });
    const response = await GET(new Request(`${url}?value=ab(c&valueMode=regex`), context);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "FILTER_SYNTAX", message: "The value filter is invalid. Unterminated group", syntax },
    });
  });

  it("answers a missing ACL with 403 and the Kafka code", async () => {
    kafka.searchMessages.mockResolvedValue({
      ok: false,
      status: 403,
      problem: {
        title: "The console's identity User:console may not read topic orders",
        hint: "Grant READ on topic orders to User:console, or make it a super user.",
        code: "TOPIC_AUTHORIZATION_FAILED",
      },
    });
    const response = await GET(new Request(url), context);
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({
      code: "TOPIC_AUTHORIZATION_FAILED",
      message: expect.stringContaining("may not read topic orders"),
    });
  });

  it("streams the search's events as SSE, with the parsed query and the request's signal", async () => {
    const notice: SearchEvent = { type: "notice", message: "hello" };
    kafka.searchMessages.mockResolvedValue({ ok: true, events: events(notice) });
    const response = await GET(new Request(`${url}?start=oldest&max=5`), context);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(await response.text()).toBe(`event: notice\ndata: ${JSON.stringify(notice)}\n\n`);
    const [cluster, topic, query, options] = kafka.searchMessages.mock.calls[0]!;
    expect([cluster, topic, query.start, query.max]).toEqual(["local", "orders", "oldest", 5]);
    expect(options.signal).toBeInstanceOf(AbortSignal);
  });

  it("streams NDJSON when asked", async () => {
    kafka.searchMessages.mockResolvedValue({ ok: true, events: events({ type: "notice", message: "a" }) });
    const response = await GET(new Request(url, { headers: { accept: "application/x-ndjson" } }), context);
    expect(await response.text()).toBe('{"type":"notice","message":"a"}\n');
  });
});

describe("POST messages (produce)", () => {
  const post = (body: unknown) =>
    POST(
      new Request(url, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) }),
      context,
    );

  it("produces to the path's topic and answers 201 with where the copies landed", async () => {
    const answer = { topic: "orders", count: 2, written: [{ partition: 0, offset: "7" }] };
    kafka.produceMessages.mockResolvedValue({ ok: true, data: answer });
    const response = await post({ topic: "elsewhere", key: "k", value: "v", copies: 2 });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual(answer);
    const [cluster, request] = kafka.produceMessages.mock.calls[0]!;
    expect(cluster).toBe("local");
    expect(request).toMatchObject({ topic: "orders", key: "k", value: "v", copies: 2, compression: "none" });
  });

  it("refuses invalid JSON values and malformed bodies before producing", async () => {
    const invalid = await post({ value: "{not json", valueFormat: "json" });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.fields).toHaveProperty("value");
    const malformed = await post("{");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("MALFORMED_JSON");
    expect(kafka.produceMessages).not.toHaveBeenCalled();
  });

  it.each(["bad topic!", ".", "..", "t".repeat(250)])(
    "refuses the invalid topic name %j with 422 before asking the broker",
    async (topic) => {
      const response = await POST(
        new Request(url, { method: "POST", body: JSON.stringify({ value: "v" }) }),
        { params: Promise.resolve({ cluster: "local", topic }) },
      );
      expect(response.status).toBe(422);
      expect((await response.json()).error.fields.topic).toEqual([expect.stringMatching(/topic name/i)]);
      expect(kafka.produceMessages).not.toHaveBeenCalled();
    },
  );

  it("keeps the Kafka code of a refusal", async () => {
    kafka.produceMessages.mockResolvedValue({
      ok: false,
      status: 403,
      error: "The console's identity User:console may not write to topic orders",
      code: "TOPIC_AUTHORIZATION_FAILED",
    });
    const response = await post({ value: "v" });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("TOPIC_AUTHORIZATION_FAILED");
  });
});
