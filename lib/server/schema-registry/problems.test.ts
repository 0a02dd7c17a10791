import { describe, expect, it } from "vitest";

import { problemFromAnswer, problemFromFailure } from "./problems";

const url = new URL("https://registry.example.com:8081/apis/ccompat/v7/subjects");

describe("problemFromAnswer", () => {
  it("maps Confluent's error codes, keeping the registry's message on one bounded line", () => {
    expect(
      problemFromAnswer(
        404,
        { error_code: 40401, message: "Subject 'orders-value' not found." },
        "orders-value",
      ),
    ).toMatchObject({
      kind: "not-found",
      code: "40401",
      status: 404,
      title: "Subject not found (orders-value): Subject 'orders-value' not found.",
    });
    expect(problemFromAnswer(409, { error_code: 409, message: "x" })).toMatchObject({ kind: "conflict" });
    expect(problemFromAnswer(422, { error_code: 42201, message: "bad" })).toMatchObject({ kind: "invalid" });
    const long = problemFromAnswer(500, { error_code: 50001, message: `a\nb${"c".repeat(1000)}` });
    expect(long.title).not.toContain("\n");
    expect(long.title.length).toBeLessThan(400);
  });

  it("maps statuses without a Confluent code: 401, 403, Apicurio's unsupported, a wrong path, 5xx", () => {
    expect(problemFromAnswer(401, "")).toMatchObject({ kind: "authentication", code: "HTTP 401" });
    expect(problemFromAnswer(403, {})).toMatchObject({ kind: "authorization", code: "HTTP 403" });
    expect(problemFromAnswer(405, { error_code: 0, message: "Operation not supported." })).toMatchObject({
      kind: "unsupported",
    });
    expect(problemFromAnswer(404, "<html>")).toMatchObject({ kind: "unsupported", code: "HTTP 404" });
    expect(problemFromAnswer(503, "")).toMatchObject({ kind: "registry", code: "HTTP 503" });
  });
});

describe("problemFromFailure", () => {
  it("names refused connections, unknown hosts, TLS failures and time-outs by the registry's host only", () => {
    expect(
      problemFromFailure(Object.assign(new Error("x"), { code: "ECONNREFUSED" }), url, false, 1000),
    ).toMatchObject({
      kind: "unreachable",
      code: "ECONNREFUSED",
      title: "Cannot reach the registry at registry.example.com:8081: connection refused",
    });
    expect(
      problemFromFailure(
        Object.assign(new Error("x"), { code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" }),
        url,
        false,
        1000,
      ),
    ).toMatchObject({ kind: "tls", code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" });
    expect(problemFromFailure(new Error("timed out"), url, true, 3000)).toMatchObject({
      kind: "unreachable",
      code: "ETIMEDOUT",
      title: "No answer from the registry at registry.example.com:8081 within 3 s",
    });
  });
});
