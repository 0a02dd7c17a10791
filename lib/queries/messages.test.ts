import { describe, expect, it } from "vitest";
import { messageSearchUrl, recordPath } from "./messages";

describe("message paths", () => {
  it("encode the cluster and topic and keep the query string", () => {
    expect(messageSearchUrl("e2e", "device.telemetry", new URLSearchParams("start=tail&max=10"))).toBe(
      "/api/v1/clusters/e2e/topics/device.telemetry/messages?start=tail&max=10",
    );
    expect(messageSearchUrl("a b", "t", new URLSearchParams())).toBe(
      "/api/v1/clusters/a%20b/topics/t/messages",
    );
  });

  it("address one record by partition and offset", () => {
    expect(recordPath("e2e", "t", 3, "9007199254740993")).toBe(
      "/api/v1/clusters/e2e/topics/t/messages/3/9007199254740993",
    );
  });
});
