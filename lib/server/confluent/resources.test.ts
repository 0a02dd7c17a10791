import { describe, expect, it } from "vitest";

import { publicBaseUrl, ResourceLinks, resourceList, resourceName } from "./resources";

describe("publicBaseUrl", () => {
  const request = (headers: Record<string, string> = {}) =>
    new Request("http://127.0.0.1:3000/kafka/v3/clusters", { headers });

  it("prefers the configured public URL, without a trailing slash", () => {
    expect(publicBaseUrl(request(), { publicUrl: "https://console.example.com/" })).toBe(
      "https://console.example.com",
    );
  });

  it("uses the Host the client called", () => {
    expect(publicBaseUrl(request({ host: "kafka.internal:8080" }), { publicUrl: null })).toBe(
      "http://kafka.internal:8080",
    );
  });

  it("believes X-Forwarded-* only behind a trusted proxy", () => {
    const forwarded = request({ "x-forwarded-host": "proxy.example.com", "x-forwarded-proto": "https" });
    expect(publicBaseUrl(forwarded, { publicUrl: null, trustProxy: true })).toBe("https://proxy.example.com");
    expect(publicBaseUrl(forwarded, { publicUrl: null, trustProxy: false })).toBe("http://127.0.0.1:3000");
  });
});

describe("links and names", () => {
  const links = new ResourceLinks("https://console.example.com");

  it("builds absolute /kafka/v3 URLs with encoded segments", () => {
    expect(links.url("clusters", "abc", "topics", "a b")).toBe(
      "https://console.example.com/kafka/v3/clusters/abc/topics/a%20b",
    );
    expect(links.related("clusters", "abc", "brokers", 1)).toEqual({
      related: "https://console.example.com/kafka/v3/clusters/abc/brokers/1",
    });
  });

  it("names resources crn-style", () => {
    expect(resourceName(["kafka", "abc"], ["topic", "orders"])).toBe("crn:///kafka=abc/topic=orders");
  });

  it("wraps lists with kind, self and no next page", () => {
    expect(resourceList("KafkaTopicList", "https://x/kafka/v3/clusters/abc/topics", [1])).toEqual({
      kind: "KafkaTopicList",
      metadata: { self: "https://x/kafka/v3/clusters/abc/topics", next: null },
      data: [1],
    });
  });
});
