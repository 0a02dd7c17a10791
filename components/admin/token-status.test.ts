import { describe, expect, it } from "vitest";
import { tokenCredentials, tokenStatus } from "./token-status";

describe("tokenStatus", () => {
  const now = new Date("2025-06-01T12:00:00Z");

  it("is active without revocation and before its expiry", () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(tokenStatus({ revokedAt: null, expiresAt: "2025-06-01T12:00:01Z" }, now)).toBe("active");
  });

  it("is expired from its expiry on", () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: "2025-06-01T12:00:00Z" }, now)).toBe("expired");
  });

  it("says when its creator is disabled or gone, unless revoked or expired anyway", () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now, "disabled")).toBe("creator disabled");
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now, "deleted")).toBe("creator deleted");
    expect(tokenStatus({ revokedAt: "2025-05-01T00:00:00Z", expiresAt: null }, now, "deleted")).toBe(
      "revoked",
    );
  });

  it("is revoked once revoked, expired or not", () => {
    expect(tokenStatus({ revokedAt: "2025-05-01T00:00:00Z", expiresAt: "2025-05-02T00:00:00Z" }, now)).toBe(
      "revoked",
    );
  });
});

describe("tokenCredentials", () => {
  it("splits the Basic password from the token value", () => {
    expect(tokenCredentials("a1b2", "kc_a1b2_s3cr3t_with_underscores")).toEqual({
      bearer: "kc_a1b2_s3cr3t_with_underscores",
      basicSecret: "s3cr3t_with_underscores",
    });
  });

  it("offers no Basic password for a value of another shape", () => {
    expect(tokenCredentials("a1b2", "kc_other_secret").basicSecret).toBeNull();
  });
});
