import { describe, expect, it } from "vitest";

import type { ClusterProblem } from "@/lib/schemas/cluster";

import { problemStatus, REQUEST_REFUSALS, refusalResult } from "./problem-status";

const problem = (kind: ClusterProblem["kind"], code?: string): ClusterProblem => ({
  kind,
  title: "t",
  hint: "h",
  code,
});

describe("problemStatus", () => {
  it("answers the client's errors with 4xx", () => {
    expect(problemStatus(problem("broker", "INVALID_TOPIC_EXCEPTION"))).toBe(400);
    expect(problemStatus(problem("authorization", "TOPIC_AUTHORIZATION_FAILED"))).toBe(403);
    expect(problemStatus(problem("unknown-cluster"))).toBe(404);
    expect(problemStatus(problem("broker", "UNKNOWN_TOPIC_OR_PARTITION"))).toBe(404);
  });

  it("answers timeouts with 504 and other broker failures with 502", () => {
    expect(problemStatus(problem("unreachable", "PLT_KFK_TIMEOUT"))).toBe(504);
    expect(problemStatus(problem("broker", "REQUEST_TIMED_OUT"))).toBe(504);
    expect(problemStatus(problem("broker", "MESSAGE_TOO_LARGE"))).toBe(502);
    expect(problemStatus(problem("unreachable"))).toBe(502);
  });
});

describe("refusalResult", () => {
  it("gives the codes an operation lists its status, and leaves the rest to the shared table", () => {
    const table = { ...REQUEST_REFUSALS, TOPIC_ALREADY_EXISTS: 409 as const };
    expect(refusalResult(problem("broker", "POLICY_VIOLATION"), table)).toMatchObject({
      ok: false,
      status: 422,
      code: "POLICY_VIOLATION",
    });
    expect(refusalResult(problem("broker", "TOPIC_ALREADY_EXISTS"), table)).toMatchObject({ status: 409 });
    expect(refusalResult(problem("broker", "NOT_CONTROLLER"), table)).toMatchObject({ status: 502 });
    expect(refusalResult(problem("authorization", "TOPIC_AUTHORIZATION_FAILED"), table)).toMatchObject({
      status: 403,
    });
  });
});
