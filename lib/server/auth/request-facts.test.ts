import { describe, expect, it } from "vitest";

import { isSameOriginRequest, normalizeAddress, requestFacts } from "./request-facts";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("requestFacts", () => {
  const sent = headers({
    "x-console-socket-address": "::ffff:127.0.0.1",
    "x-forwarded-for": "203.0.113.9, 10.0.0.2",
    "x-request-id": "6a1f2c9e-1c2b-4a7e-9a0f-0d9f5f3c2b1a",
    "user-agent": "curl/8",
  });

  it("takes the socket address, ignoring X-Forwarded-For unless the proxy is trusted", () => {
    expect(requestFacts(sent, { trustProxy: false })).toEqual({
      clientAddress: "127.0.0.1",
      requestId: "6a1f2c9e-1c2b-4a7e-9a0f-0d9f5f3c2b1a",
      userAgent: "curl/8",
    });
    expect(requestFacts(sent, { trustProxy: true }).clientAddress).toBe("203.0.113.9");
  });

  it("falls back to the socket when a trusted proxy sent no X-Forwarded-For", () => {
    const direct = headers({ "x-console-socket-address": "10.1.2.3" });
    expect(requestFacts(direct, { trustProxy: true }).clientAddress).toBe("10.1.2.3");
  });

  it("drops request ids and addresses that are not what they claim to be", () => {
    const odd = headers({ "x-console-socket-address": "<script>", "x-request-id": "a b c" });
    expect(requestFacts(odd, { trustProxy: false })).toEqual({
      clientAddress: null,
      requestId: null,
      userAgent: null,
    });
  });
});

describe("normalizeAddress", () => {
  it("unwraps IPv4-mapped IPv6 and brackets, keeps real IPv6", () => {
    expect(normalizeAddress("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(normalizeAddress("[::1]")).toBe("::1");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("")).toBeNull();
  });
});

describe("isSameOriginRequest", () => {
  const direct = (entries: Record<string, string>) =>
    isSameOriginRequest(headers(entries), { trustProxy: false });
  const proxied = (entries: Record<string, string>) =>
    isSameOriginRequest(headers(entries), { trustProxy: true });

  it("accepts an Origin naming the host the request was sent to", () => {
    expect(direct({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toBe(true);
  });

  it("behind a trusted proxy, compares with X-Forwarded-Host", () => {
    const sent = {
      origin: "https://console.example.com",
      host: "10.0.0.5:3000",
      "x-forwarded-host": "console.example.com",
    };
    expect(proxied(sent)).toBe(true);
    // Without a trusted proxy the header is whatever the client typed, so it counts for nothing.
    expect(direct(sent)).toBe(false);
  });

  it("refuses a cross-origin request that names its own origin in a forged X-Forwarded-Host", () => {
    expect(
      direct({ origin: "http://evil.example", host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" }),
    ).toBe(false);
  });

  it("accepts Sec-Fetch-Site: same-origin without an Origin", () => {
    expect(direct({ "sec-fetch-site": "same-origin", host: "a" })).toBe(true);
  });

  it("refuses other origins, cross-site fetches and requests with neither header", () => {
    expect(direct({ origin: "https://evil.example", host: "127.0.0.1:3000" })).toBe(false);
    expect(direct({ origin: "http://127.0.0.1:3001", host: "127.0.0.1:3000" })).toBe(false);
    expect(
      direct({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }),
    ).toBe(false);
    expect(direct({ "sec-fetch-site": "same-site", host: "a" })).toBe(false);
    expect(direct({ origin: "null", host: "a" })).toBe(false);
    expect(direct({ host: "127.0.0.1:3000" })).toBe(false);
  });
});
