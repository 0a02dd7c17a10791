import { describe, expect, it } from "vitest";

import { apiError } from "@/lib/api-errors";

import { answeredContentType, toConfluentResponse } from "./route";

const request = (headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/kafka/v3/clusters", { headers });

describe("toConfluentResponse", () => {
  it("turns the guard's 401 into 40101 and keeps the challenge", async () => {
    const response = await toConfluentResponse(
      request(),
      apiError(401, "UNAUTHENTICATED", "Sign in, or send an API token.", {
        headers: { "WWW-Authenticate": 'Basic realm="kafka-console"' },
      }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Basic realm="kafka-console"');
    expect(await response.json()).toEqual({ error_code: 40101, message: "Sign in, or send an API token." });
  });

  it("turns a 403 into 40301 and a 422 into 42201 with the fields", async () => {
    const forbidden = await toConfluentResponse(request(), apiError(403, "FORBIDDEN", "Operators only."));
    expect(await forbidden.json()).toEqual({ error_code: 40301, message: "Operators only." });
    const invalid = await toConfluentResponse(
      request(),
      apiError(422, "VALIDATION_FAILED", "The request has invalid fields; see error.fields.", {
        fields: { topic_name: ["Required."] },
      }),
    );
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({
      error_code: 42201,
      message: "The request has invalid fields topic_name: Required.",
    });
  });

  it("leaves a Confluent error and a success alone, answering the vendor type when asked", async () => {
    const confluent = Response.json({ error_code: 40401, message: "No topic." }, { status: 404 });
    expect(await (await toConfluentResponse(request(), confluent)).json()).toEqual({
      error_code: 40401,
      message: "No topic.",
    });
    const ok = await toConfluentResponse(
      request({ accept: "application/vnd.kafka.v3+json" }),
      Response.json({ kind: "KafkaClusterList" }),
    );
    expect(ok.headers.get("content-type")).toBe("application/vnd.kafka.v3+json");
    expect(await ok.json()).toEqual({ kind: "KafkaClusterList" });
  });
});

describe("answeredContentType", () => {
  it("answers JSON by default and the vendor type when the client sent or accepts it", () => {
    expect(answeredContentType(request({ "content-type": "application/json" }))).toBe("application/json");
    expect(answeredContentType(request({ "content-type": "application/vnd.kafka.v3+json" }))).toBe(
      "application/vnd.kafka.v3+json",
    );
    expect(answeredContentType(request({ accept: "application/vnd.kafka.json.v2+json" }))).toBe(
      "application/vnd.kafka.json.v2+json",
    );
  });
});
