import { beforeEach, describe, expect, it, vi } from "vitest";

import type { Principal } from "@/lib/server/auth";

import type { ClusterResult } from "./cluster-pool";
import { binding } from "@/test/fixtures/acl-binding";

const audit = vi.hoisted(() => [] as unknown[]);
const next = vi.hoisted(() => ({ result: undefined as unknown }));

vi.mock("@/lib/server/auth", () => ({
  recordAudit: async (event: unknown) => void audit.push(event),
}));
vi.mock("./pooled-clients", () => ({
  withClusterAdmin: async () => next.result as ClusterResult<unknown>,
}));

const { createAcls, deleteAcls, problemResult } = await import("./acls");

const admin = { kind: "user", role: "admin", actor: "user:alice" } as Principal;

beforeEach(() => {
  audit.length = 0;
});

describe("createAcls", () => {
  it("audits each binding in a readable form", async () => {
    next.result = { ok: true, data: undefined };
    const result = await createAcls(
      "local",
      [binding(), binding({ operation: "DESCRIBE" }), binding()],
      admin,
    );
    expect(result).toEqual({
      ok: true,
      data: { created: [binding(), binding({ operation: "DESCRIBE" })], warnings: [] },
    });
    expect(audit).toEqual([
      {
        actor: "user:alice",
        action: "acl.create",
        target: "ALLOW User:app READ on TOPIC orders (LITERAL) from *",
        outcome: "success",
        details: { cluster: "local" },
      },
      expect.objectContaining({ target: "ALLOW User:app DESCRIBE on TOPIC orders (LITERAL) from *" }),
    ]);
  });

  it("answers the linter's warnings about the new bindings with what it created", async () => {
    const warning = { severity: "error", code: "wildcard-principal", message: "never matches", bindings: [] };
    next.result = { ok: true, data: [warning] };
    const result = await createAcls("local", [binding({ principal: "User:*.clients.x" })], admin);
    expect(result).toMatchObject({ ok: true, data: { warnings: [warning] } });
  });

  it("refuses invalid bindings before talking to the broker", async () => {
    next.result = { ok: true, data: undefined };
    const result = await createAcls(
      "local",
      [binding({ resourceType: "CLUSTER", resourceName: "kafka-cluster" })],
      admin,
    );
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      error: expect.stringContaining("CLUSTER has no READ operation"),
    });
    expect(audit).toEqual([]);
  });

  it("translates the broker's refusal and audits the failure", async () => {
    next.result = {
      ok: false,
      problem: {
        kind: "authorization",
        title: "The console's identity User:console may not alter the cluster",
        hint: "Grant ALTER on the cluster to User:console, or make it a super user.",
        code: "CLUSTER_AUTHORIZATION_FAILED",
      },
    };
    const result = await createAcls("local", [binding()], admin);
    // One table for every operation (errors/problem-status.ts): the authorizer's refusal is 403.
    expect(result).toEqual({
      ok: false,
      status: 403,
      code: "CLUSTER_AUTHORIZATION_FAILED",
      error:
        "The console's identity User:console may not alter the cluster. Grant ALTER on the cluster to User:console, or make it a super user. (CLUSTER_AUTHORIZATION_FAILED)",
    });
    expect(audit).toEqual([
      expect.objectContaining({
        outcome: "failure",
        details: { cluster: "local", code: "CLUSTER_AUTHORIZATION_FAILED" },
      }),
    ]);
  });
});

describe("deleteAcls", () => {
  it("answers what the broker deleted and what it did not hold, auditing only deletions", async () => {
    next.result = { ok: true, data: [binding()] };
    const absent = binding({ host: "10.0.0.1" });
    const result = await deleteAcls("local", [binding(), absent], admin);
    expect(result).toEqual({ ok: true, data: { deleted: [binding()], notFound: [absent] } });
    expect(audit).toEqual([expect.objectContaining({ action: "acl.delete", outcome: "success" })]);
  });
});

describe("problemResult", () => {
  it("maps problems to statuses, keeping the Kafka code", () => {
    expect(
      problemResult({
        kind: "broker",
        title: "The broker has no authorizer, so ACLs cannot be listed or changed",
        hint: "Set authorizer.class.name on the brokers (StandardAuthorizer with KRaft).",
        code: "SECURITY_DISABLED",
      }),
    ).toMatchObject({ status: 502, code: "SECURITY_DISABLED" });
    expect(problemResult({ kind: "unknown-cluster", title: "No cluster", hint: "Check" })).toMatchObject({
      status: 404,
      code: "UNKNOWN_CLUSTER",
    });
    expect(
      problemResult({ kind: "unreachable", title: "Timed out", hint: "Check", code: "PLT_KFK_TIMEOUT" }),
    ).toMatchObject({
      status: 504,
    });
  });
});
