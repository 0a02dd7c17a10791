import { describe, expect, it } from "vitest";

import { refusalMessage } from "./refusal-messages";

const settings = { displayName: "Keycloak", roleClaim: "groups" };

describe("refusalMessage", () => {
  it("names the groups that do not map, at most ten of them", () => {
    expect(
      refusalMessage({ kind: "policy", reason: "no-mapped-role", values: ["sales", "hr"] }, settings),
    ).toBe(
      "Your groups (sales, hr) do not map to a console role, so Keycloak cannot sign you in to the console. Ask an administrator for access.",
    );
    const many = Array.from({ length: 12 }, (_, index) => `g${index}`);
    expect(refusalMessage({ kind: "policy", reason: "no-mapped-role", values: many }, settings)).toContain(
      "(g0, g1, g2, g3, g4, g5, g6, g7, g8, g9, and 2 more)",
    );
    expect(refusalMessage({ kind: "policy", reason: "no-mapped-role", values: [] }, settings)).toMatch(
      /^You have no groups, so Keycloak cannot sign you in/,
    );
  });

  it("tells a stale or forged callback from a check that failed", () => {
    expect(refusalMessage({ kind: "tampering", reason: "state-mismatch" }, settings)).toMatch(/Try again\.$/);
    expect(refusalMessage({ kind: "tampering", reason: "nonce-mismatch" }, settings)).toBe(
      "The answer from Keycloak failed the console's checks (nonce-mismatch), so the sign-in was refused and recorded. Try again.",
    );
    expect(
      refusalMessage({ kind: "unavailable", reason: "provider-error", detail: "access_denied" }, settings),
    ).toBe("Keycloak did not sign you in (access_denied).");
  });
});
