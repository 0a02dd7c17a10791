import { describe, expect, it } from "vitest";

import { contentSecurityPolicy } from "./content-security-policy";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive] as const));

describe("contentSecurityPolicy", () => {
  it("runs only scripts with this request's nonce, without 'unsafe-inline' or eval, in production", () => {
    const policy = directives(contentSecurityPolicy("abc123==", { dev: false }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("style-src 'self' 'nonce-abc123=='");
    for (const [name, value] of [
      ["frame-ancestors", "frame-ancestors 'none'"],
      ["object-src", "object-src 'none'"],
      ["base-uri", "base-uri 'self'"],
      ["form-action", "form-action 'self'"],
    ])
      expect(policy.get(name)).toBe(value);
  });

  it("allows eval and inline styles only for the development server", () => {
    const policy = directives(contentSecurityPolicy("abc123==", { dev: true }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("style-src")).toBe("style-src 'self' 'unsafe-inline'");
  });
});
