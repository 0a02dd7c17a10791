import { describe, expect, it } from "vitest";
import { clusterAuthentication } from "./authentication";

describe("clusterAuthentication", () => {
  it("names a client certificate mTLS", () => {
    expect(clusterAuthentication({ tls: { ca: "ca", cert: "cert", key: "key" } })).toEqual({
      kind: "mTLS",
      tls: true,
    });
  });

  it("names the SASL mechanism, over TLS or not", () => {
    const sasl = { mechanism: "PLAIN", username: "u", password: "p" } as const;
    expect(clusterAuthentication({ tls: { ca: "ca" }, sasl })).toEqual({ kind: "PLAIN", tls: true });
    expect(clusterAuthentication({ sasl: { ...sasl, mechanism: "SCRAM-SHA-256" } })).toEqual({
      kind: "SCRAM-SHA-256",
      tls: false,
    });
  });

  it("tells TLS without a client identity from no security at all", () => {
    expect(clusterAuthentication({ tls: {} }).kind).toBe("TLS only");
    expect(clusterAuthentication({}).kind).toBe("None (plaintext)");
  });
});
