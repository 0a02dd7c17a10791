import { describe, expect, it } from "vitest";

import { confluentCodeOf, confluentFailure, isConfluentErrorBody, withFields } from "./errors";

describe("confluentCodeOf", () => {
  it.each([
    [401, "UNAUTHENTICATED", 401, 40101],
    [403, "FORBIDDEN", 403, 40301],
    [403, "TOPIC_AUTHORIZATION_FAILED", 403, 40301],
    [404, "UNKNOWN_TOPIC_OR_PARTITION", 404, 40401],
    [404, "UNKNOWN_CLUSTER", 404, 404],
    [409, "TOPIC_ALREADY_EXISTS", 400, 40002],
    [422, "INVALID_REPLICATION_FACTOR", 400, 40002],
    [422, "POLICY_VIOLATION", 400, 40002],
    [422, "VALIDATION_FAILED", 422, 42201],
    [400, "MALFORMED_JSON", 400, 400],
    [400, "SOMETHING", 422, 42201],
    [502, "NETWORK_EXCEPTION", 502, 50002],
    [504, "REQUEST_TIMED_OUT", 504, 50003],
    [500, "INTERNAL", 500, 500],
  ])("%i %s → %i / %i", (status, code, answered, errorCode) => {
    expect(confluentCodeOf(status, code)).toEqual({ status: answered, errorCode });
  });
});

describe("confluentFailure", () => {
  it("answers {error_code, message} with the field errors in the message", async () => {
    const response = confluentFailure({
      ok: false,
      status: 422,
      error: "The request has invalid fields; see error.fields.",
      fieldErrors: { topic_name: ["Topic names have at most 249 characters."] },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error_code: 42201,
      message: "The request has invalid fields topic_name: Topic names have at most 249 characters.",
    });
  });

  it("keeps the Kafka code's specific message", async () => {
    const response = confluentFailure({
      ok: false,
      status: 409,
      code: "TOPIC_ALREADY_EXISTS",
      error: "Topic orders already exists. (TOPIC_ALREADY_EXISTS)",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error_code: 40002,
      message: "Topic orders already exists. (TOPIC_ALREADY_EXISTS)",
    });
  });
});

describe("helpers", () => {
  it("withFields leaves a message without fields alone", () => {
    expect(withFields("Nope.")).toBe("Nope.");
  });

  it("recognises a Confluent body", () => {
    expect(isConfluentErrorBody({ error_code: 40401, message: "x" })).toBe(true);
    expect(isConfluentErrorBody({ error: { code: "X", message: "x" } })).toBe(false);
  });
});
