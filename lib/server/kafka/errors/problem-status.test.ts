import { describe, expect, it } from "vitest";

import type { ClusterProblem } from "@/lib/schemas/cluster";

import { problemStatus } from "./problem-status";

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
