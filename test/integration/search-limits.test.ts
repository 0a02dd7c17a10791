// The cap on concurrent searches per user and per API token, through the messages route against a real
// Kafka 4.3: live tails past the cap answer 429 with the count and the limit, and every way a search
// ends (its end, Stop, the client going away, a refusal) gives its slot back.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { runningSearches } from "@/lib/server/kafka/messages/search-slots";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import { closeTestProducer, produce, range, testProducerFor } from "../support/message-search";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined }));
const LIMITS = { perUser: 3, perToken: 2 };

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/config", () => ({
  // No cluster names a schema registry: searches look one up since the inspector decodes values.
  getConfig: () => ({
    clusters: [],
    messages: { previewBytes: 1024 * 1024, maxConcurrentSearches: LIMITS },
  }),
}));
// Who asks comes from test headers; the guard itself is tested elsewhere. The params and query are
// parsed as the real guard parses them.
vi.mock("@/lib/server/auth", async () => ({
  recordAudit: async () => {},
  guardedRoute: (await import("../support/route-guard")).stubGuardedRoute((request) => ({
    kind: request.headers.get("x-test-kind") ?? "user",
    role: "viewer",
    actor: request.headers.get("x-test-actor"),
  })),
}));

const { GET } = await import("@/app/api/v1/clusters/[cluster]/topics/[topic]/messages/route");

let broker: TestBroker;
let pool: ClusterPool;
const open: { response: Response; abort: AbortController }[] = [];

beforeAll(async () => {
  broker = await startTestBroker();
  const local = mtls(broker, "local", broker.console);
  pool = createClusterPool([local]);
  shared.pool = pool;
  testProducerFor(pool, local);
  await withConsoleAdmin(pool, (admin) =>
    admin.createTopics({ topics: ["limited"], partitions: 2, replicas: 1 }),
  );
  await produce(
    pool,
    range(4).map((i) => ({ topic: "limited", partition: i % 2, value: Buffer.from(`m${i}`) })),
  );
});

afterAll(async () => {
  for (const { abort } of open) abort.abort();
  if (pool) await closeTestProducer(pool);
  await pool?.close();
  await broker?.dispose();
});

beforeEach(async () => {
  // Each test starts with no search running.
  for (const { response, abort } of open.splice(0)) {
    abort.abort();
    await response.body?.cancel().catch(() => {});
  }
});

const user = (name: string) => ({ kind: "user" as const, actor: `user:${name}` });
const token = (id: string) => ({ kind: "token" as const, actor: `token:${id} (ci)` });

async function search(
  holder: { kind: "user" | "token"; actor: string },
  query = "start=tail",
  topic = "limited",
) {
  const abort = new AbortController();
  const request = new Request(`http://console.test/api/v1/clusters/local/topics/${topic}/messages?${query}`, {
    headers: { "x-test-kind": holder.kind, "x-test-actor": holder.actor },
    signal: abort.signal,
  });
  const response = await GET(request, { params: Promise.resolve({ cluster: "local", topic }) });
  const handle = { response, abort };
  if (response.ok) open.push(handle);
  return handle;
}

/** The first event of a running search, to know it is running; the body stays open. */
async function firstEvent(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  reader.releaseLock();
  return new TextDecoder().decode(value);
}

async function tails(holder: { kind: "user" | "token"; actor: string }, count: number) {
  const started = [];
  for (let index = 0; index < count; index++) {
    const handle = await search(holder);
    expect(handle.response.status).toBe(200);
    expect(await firstEvent(handle.response)).toMatch(/^event: plan/);
    started.push(handle);
  }
  return started;
}

describe("the cap on concurrent searches", () => {
  it("answers the user's 4th live tail with 429, the count and the limit; Stop frees a slot", async () => {
    const alice = user("alice");
    const [first] = await tails(alice, LIMITS.perUser);
    expect(runningSearches(alice)).toBe(3);

    const refused = await search(alice);
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await refused.response.json();
    expect(body).toEqual({
      error: {
        code: "TOO_MANY_SEARCHES",
        message: expect.stringMatching(/running 3 searches; the limit is 3/),
        running: 3,
        limit: 3,
      },
    });
    expect(body.error.message).toContain("messages.maxConcurrentSearches.perUser");

    // Stop: the browser cancels the stream.
    await first!.response.body!.cancel();
    expect(runningSearches(alice)).toBe(2);
    const again = await search(alice);
    expect(again.response.status).toBe(200);
  });

  it("gives the slot back when the client goes away without reading", async () => {
    const bob = user("bob");
    const [gone] = await tails(bob, LIMITS.perUser);
    expect((await search(bob)).response.status).toBe(429);
    gone!.abort.abort();
    expect(runningSearches(bob)).toBe(2);
    expect((await search(bob)).response.status).toBe(200);
  });

  it("gives the slot back when a search reaches its end, and takes none for a refused search", async () => {
    const carol = user("carol");
    await tails(carol, LIMITS.perUser - 1);
    const finite = await search(carol, "start=oldest");
    expect(finite.response.status).toBe(200);
    expect(runningSearches(carol)).toBe(3);
    expect(await finite.response.text()).toContain("event: done");
    expect(runningSearches(carol)).toBe(2);

    const missing = await search(carol, "start=tail", "no-such-topic");
    expect(missing.response.status).toBe(404);
    const badFilter = await search(carol, "value=a(&valueMode=regex");
    expect(badFilter.response.status).toBe(400);
    expect(runningSearches(carol)).toBe(2);
  });

  it("caps each API token on its own, apart from users", async () => {
    const ci = token("t-ci");
    await tails(ci, LIMITS.perToken);
    const refused = await search(ci);
    expect(refused.response.status).toBe(429);
    expect((await refused.response.json()).error).toMatchObject({ running: 2, limit: 2 });
    expect((await search(token("t-other"))).response.status).toBe(200);
    expect((await search(user("dave"))).response.status).toBe(200);
  });
});
