import { beforeEach, describe, expect, it, vi } from "vitest";

import type { AclBinding } from "@/lib/acl/types";
import { binding } from "@/test/fixtures/acl-binding";

const kafka = vi.hoisted(() => ({
  listAcls: vi.fn(),
  createAcls: vi.fn(),
  deleteAcls: vi.fn(),
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
// The pure translation of a problem and the capability decision are the real ones (test/support/kafka-stubs.ts).
vi.mock("@/lib/server/kafka", async () => (await import("@/test/support/kafka-stubs")).kafkaStubs(kafka));

const { GET, POST, DELETE } = await import("./route");
const { capabilitiesFromApiVersions } = await import("@/lib/server/kafka/capabilities");
const { CLIENT_ONLY_GATEWAY, KAFKA_4_3 } = await import("@/test/fixtures/api-versions");

const context = { params: Promise.resolve({ cluster: "local" }) };
const url = "http://console.test/api/v1/clusters/local/acls";

const orders: AclBinding = binding();
const payments: AclBinding = { ...orders, principal: "User:billing", resourceName: "payments" };

const json = (method: string, body: unknown) =>
  new Request(url, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });

beforeEach(() => {
  vi.clearAllMocks();
  kafka.clusterCapabilities.mockResolvedValue({ ok: true, data: capabilitiesFromApiVersions(KAFKA_4_3) });
});

describe("a cluster without the ACL APIs (a gateway)", () => {
  beforeEach(() => {
    kafka.clusterCapabilities.mockResolvedValue({
      ok: true,
      data: capabilitiesFromApiVersions(CLIENT_ONLY_GATEWAY),
    });
  });

  it("answers GET with 501 naming DescribeAcls and its ApiKey, without asking for bindings", async () => {
    const response = await GET(new Request(url), context);
    expect(response.status).toBe(501);
    expect((await response.json()).error).toEqual({
      code: "UNSUPPORTED_BY_CLUSTER",
      message: "This cluster does not support DescribeAcls (ApiKey 29).",
    });
    expect(kafka.listAcls).not.toHaveBeenCalled();
  });

  it("answers POST and DELETE with 501 naming CreateAcls and DeleteAcls, changing nothing", async () => {
    for (const response of [
      await POST(json("POST", { bindings: [orders] }), context),
      await DELETE(json("DELETE", { bindings: [orders] }), context),
    ]) {
      expect(response.status).toBe(501);
      expect((await response.json()).error.message).toMatch(
        /CreateAcls \(ApiKey 30\).*DeleteAcls \(ApiKey 31\)/,
      );
    }
    expect(kafka.createAcls).not.toHaveBeenCalled();
    expect(kafka.deleteAcls).not.toHaveBeenCalled();
  });
});

describe("GET", () => {
  it("filters on the query parameters", async () => {
    kafka.listAcls.mockResolvedValue({ ok: true, data: [orders, payments] });
    const response = await GET(new Request(`${url}?principal=User:billing&q=pay`), context);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ cluster: "local", total: 2, bindings: [payments] });
  });

  it("answers a broker without an authorizer with its code", async () => {
    kafka.listAcls.mockResolvedValue({
      ok: false,
      problem: { kind: "broker", title: "The broker has no authorizer", hint: "", code: "SECURITY_DISABLED" },
    });
    const response = await GET(new Request(url), context);
    expect(response.status).toBe(502);
    expect((await response.json()).error.code).toBe("SECURITY_DISABLED");
  });

  it("refuses an unknown filter value", async () => {
    const response = await GET(new Request(`${url}?operation=FLY`), context);
    expect(response.status).toBe(422);
  });
});

describe("POST", () => {
  it("expands the form shape into bindings", async () => {
    kafka.createAcls.mockImplementation(async (_cluster: string, bindings: AclBinding[]) => ({
      ok: true,
      data: { created: bindings },
    }));
    const response = await POST(
      json("POST", {
        principal: "User:app",
        resources: [{ resourceType: "TOPIC", resourceName: "orders" }],
        operations: ["READ", "DESCRIBE"],
      }),
      context,
    );
    expect(response.status).toBe(201);
    expect((await response.json()).created).toEqual([orders, { ...orders, operation: "DESCRIBE" }]);
  });

  it.each([
    [
      { principal: "", resources: [{ resourceType: "TOPIC", resourceName: "a" }], operations: ["READ"] },
      "Enter a principal",
    ],
    [
      { principal: "app", resources: [{ resourceType: "TOPIC", resourceName: "a" }], operations: ["READ"] },
      "type prefix",
    ],
    [{ bindings: [{ ...orders, host: "example.com" }] }, "one IP address"],
    [{ bindings: [{ ...orders, resourceName: "" }] }, "Enter a resource name"],
    [{ bindings: [{ ...orders, resourceName: "orders\nevil" }] }, "U+000A LINE FEED"],
    [
      { bindings: [{ ...orders, resourceType: "CLUSTER", resourceName: "kafka-cluster" }] },
      "CLUSTER has no READ operation",
    ],
  ])("refuses bad input with a specific message, changing nothing (%#)", async (body, message) => {
    const response = await POST(json("POST", body), context);
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain(message);
    expect(kafka.createAcls).not.toHaveBeenCalled();
  });

  it("creates a binding the linter flags, and answers the warnings with what it created", async () => {
    const wildcard = { ...orders, principal: "User:*.clients.x" };
    const warning = {
      severity: "error",
      code: "wildcard-principal",
      message: "User:*.clients.x never matches anyone",
      bindings: [wildcard],
    };
    kafka.createAcls.mockResolvedValue({ ok: true, data: { created: [wildcard], warnings: [warning] } });
    const response = await POST(json("POST", { bindings: [wildcard] }), context);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ created: [wildcard], warnings: [warning] });
  });

  it("passes the broker's refusal of the console's identity on with its code", async () => {
    kafka.createAcls.mockResolvedValue({
      ok: false,
      status: 403,
      error: "The console's identity User:kafka-console may not alter the cluster.",
      code: "CLUSTER_AUTHORIZATION_FAILED",
    });
    const response = await POST(json("POST", { bindings: [orders] }), context);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("CLUSTER_AUTHORIZATION_FAILED");
  });
});

describe("DELETE", () => {
  it("deletes exactly the given bindings", async () => {
    kafka.deleteAcls.mockResolvedValue({ ok: true, data: { deleted: [orders], notFound: [] } });
    const response = await DELETE(json("DELETE", { bindings: [orders] }), context);
    expect(response.status).toBe(200);
    expect(kafka.deleteAcls).toHaveBeenCalledWith("local", [orders], expect.anything());
  });

  it("refuses an empty selection", async () => {
    const response = await DELETE(json("DELETE", { bindings: [] }), context);
    expect(response.status).toBe(422);
  });
});
