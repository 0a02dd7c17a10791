import { beforeEach, describe, expect, it, vi } from "vitest";

const kafka = vi.hoisted(() => ({
  listScramUsers: vi.fn(),
  upsertScramUser: vi.fn(),
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

const { GET, POST } = await import("./route");
const { capabilitiesFromApiVersions } = await import("@/lib/server/kafka/capabilities");
const { CLIENT_ONLY_GATEWAY, KAFKA_4_3 } = await import("@/test/fixtures/api-versions");

const context = { params: Promise.resolve({ cluster: "local" }) };
const url = "http://console.test/api/v1/clusters/local/scram-users";
const post = (body: unknown) =>
  POST(
    new Request(url, {
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

describe("GET and POST /scram-users", () => {
  it("answers 501 naming the API on a cluster without it, asking Kafka nothing", async () => {
    kafka.clusterCapabilities.mockResolvedValue({
      ok: true,
      data: capabilitiesFromApiVersions(CLIENT_ONLY_GATEWAY),
    });
    const response = await GET(new Request(url), context);
    expect(response.status).toBe(501);
    expect(await response.json()).toMatchObject({ error: { code: "UNSUPPORTED_BY_CLUSTER" } });
    expect((await post({ user: "app", mechanism: "SCRAM-SHA-512" })).status).toBe(501);
    expect(kafka.listScramUsers).not.toHaveBeenCalled();
    expect(kafka.upsertScramUser).not.toHaveBeenCalled();
  });

  it("refuses a short typed password with 422 without echoing it, changing nothing", async () => {
    const response = await post({ user: "app", mechanism: "SCRAM-SHA-512", password: "hunter2" });
    expect(response.status).toBe(422);
    const body = await response.text();
    expect(body).toContain('"password"');
    expect(body).not.toContain("hunter2");
    expect(kafka.upsertScramUser).not.toHaveBeenCalled();
  });

  it("generates when no password is sent: 201 with the password answered once", async () => {
    kafka.upsertScramUser.mockResolvedValue({
      ok: true,
      data: {
        cluster: "local",
        user: "app",
        mechanism: "SCRAM-SHA-256",
        iterations: 8192,
        created: true,
        generatedPassword: "g",
      },
    });
    const response = await post({ user: "app", mechanism: "SCRAM-SHA-256" });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(kafka.upsertScramUser).toHaveBeenCalledWith(
      "local",
      { user: "app", mechanism: "SCRAM-SHA-256", iterations: 8192, password: undefined },
      expect.objectContaining({ actor: "user:alice" }),
    );
    expect(await response.json()).toMatchObject({ generatedPassword: "g", created: true });
  });
});
