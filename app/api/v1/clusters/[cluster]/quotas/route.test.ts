import { beforeEach, describe, expect, it, vi } from "vitest";

const kafka = vi.hoisted(() => ({
  listClientQuotas: vi.fn(),
  alterClientQuota: vi.fn(),
  clusterCapabilities: vi.fn(),
}));

vi.mock("@/lib/server/auth", async () => ({
  // Authentication is stubbed; the input is checked as the real guard checks it (test/support/route-guard.ts).
  guardedRoute: (await import("@/test/support/route-guard")).stubGuardedRoute({
    kind: "user",
    role: "admin",
    actor: "user:alice",
  }),
}));
vi.mock("@/lib/server/kafka", async () => (await import("@/test/support/kafka-stubs")).kafkaStubs(kafka));

const { POST } = await import("./route");
const { capabilitiesFromApiVersions } = await import("@/lib/server/kafka/capabilities");
const { KAFKA_4_3 } = await import("@/test/fixtures/api-versions");

const context = { params: Promise.resolve({ cluster: "local" }) };
const post = (body: unknown) =>
  POST(
    new Request("http://console.test/api/v1/clusters/local/quotas", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
    context,
  );

beforeEach(() => {
  vi.clearAllMocks();
  kafka.clusterCapabilities.mockResolvedValue({ ok: true, data: capabilitiesFromApiVersions(KAFKA_4_3) });
});

describe("POST /quotas", () => {
  it("refuses a fractional byte rate and an entity without user or client id with 422, changing nothing", async () => {
    const fractional = await post({ entity: { clientId: "app" }, set: { producer_byte_rate: 10.5 } });
    expect(fractional.status).toBe(422);
    expect(await fractional.json()).toMatchObject({
      error: { fields: { "set.producer_byte_rate": ["Whole bytes per second"] } },
    });
    expect((await post({ entity: {}, set: { producer_byte_rate: 1024 } })).status).toBe(422);
    expect(kafka.alterClientQuota).not.toHaveBeenCalled();
  });

  it("passes the default user (null) and removals through", async () => {
    kafka.alterClientQuota.mockResolvedValue({
      ok: true,
      data: { cluster: "local", entity: { user: null }, changes: [], values: {} },
    });
    const response = await post({ entity: { user: null }, remove: ["request_percentage"] });
    expect(response.status).toBe(200);
    expect(kafka.alterClientQuota).toHaveBeenCalledWith(
      "local",
      { entity: { user: null }, set: {}, remove: ["request_percentage"] },
      expect.anything(),
    );
  });

  it("answers Kafka's refusal with its status and code", async () => {
    kafka.alterClientQuota.mockResolvedValue({
      ok: false,
      status: 422,
      code: "INVALID_REQUEST",
      error: "Kafka refused the quota for client-id app: bad (INVALID_REQUEST)",
    });
    const response = await post({ entity: { clientId: "app" }, set: { request_percentage: 5 } });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_REQUEST" } });
  });
});
