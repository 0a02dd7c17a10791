import { beforeEach, describe, expect, it, vi } from "vitest";

const kafka = vi.hoisted(() => ({ fetchFullRecord: vi.fn(), problemResult: vi.fn() }));

vi.mock("@/lib/server/auth", async () => ({
  // Authentication is stubbed; the input is checked as the real guard checks it (test/support/route-guard.ts).
  guardedRoute: (await import("@/test/support/route-guard")).stubGuardedRoute({
    kind: "user",
    role: "viewer",
    actor: "user:alice",
  }),
}));
vi.mock("@/lib/server/kafka", () => kafka);

const { GET } = await import("./route");

const url = "http://console.test/api/v1/clusters/local/topics/orders/messages/1/42";
const contextFor = (partition: string, offset: string) => ({
  params: Promise.resolve({ cluster: "local", topic: "orders", partition, offset }),
});

beforeEach(() => {
  vi.clearAllMocks();
});

describe("GET one record", () => {
  it("answers the record in full", async () => {
    const record = { partition: 1, offset: "42", value: { size: 3, text: "abc" } };
    kafka.fetchFullRecord.mockResolvedValue({ ok: true, data: record });
    const response = await GET(new Request(url), contextFor("1", "42"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ record });
    expect(kafka.fetchFullRecord).toHaveBeenCalledWith("local", "orders", 1, 42n);
  });

  it("is 404 when there is no record at that offset", async () => {
    kafka.fetchFullRecord.mockResolvedValue({ ok: true, data: null });
    const response = await GET(new Request(url), contextFor("1", "42"));
    expect(response.status).toBe(404);
  });

  it("rejects a partition or offset that is not a whole number", async () => {
    const response = await GET(new Request(url), contextFor("1", "-3"));
    expect(response.status).toBe(422);
    expect(kafka.fetchFullRecord).not.toHaveBeenCalled();
  });
});
