import { describe, expect, it } from "vitest";

import { refusalOf } from "./config-refusals";

describe("refusalOf", () => {
  const problem = (code: string) => ({ kind: "broker" as const, title: "Refused", hint: "Fix it.", code });

  it("answers Kafka's refusals of the request as the caller's to fix, keeping the code", () => {
    expect(refusalOf(problem("TOPIC_ALREADY_EXISTS"))).toMatchObject({
      status: 409,
      code: "TOPIC_ALREADY_EXISTS",
    });
    expect(refusalOf(problem("INVALID_CONFIG"))).toMatchObject({ status: 422, code: "INVALID_CONFIG" });
    expect(refusalOf(problem("POLICY_VIOLATION"))).toMatchObject({
      status: 422,
      error: "Refused. Fix it. (POLICY_VIOLATION)",
    });
    expect(refusalOf(problem("BROKER_NOT_AVAILABLE"))).toMatchObject({ status: 404 });
  });

  it("leaves broker failures and authorization to the shared table", () => {
    expect(refusalOf(problem("NOT_CONTROLLER"))).toMatchObject({ status: 502 });
    expect(
      refusalOf({ kind: "authorization", title: "No", hint: "Grant.", code: "TOPIC_AUTHORIZATION_FAILED" }),
    ).toMatchObject({ status: 403 });
  });
});
