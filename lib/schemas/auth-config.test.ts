import { describe, expect, it } from "vitest";

import { authConfigSchema } from "./auth-config";

const resolve = (reference: { file: string } | { env: string }) =>
  "env" in reference && reference.env === "OIDC_SECRET"
    ? { ok: true as const, value: "s3cret" }
    : { ok: false as const, message: "not found" };
const schema = authConfigSchema(resolve);
const issues = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("auth configuration", () => {
  it("defaults to local accounts only", () => {
    expect(schema.parse({})).toEqual({ localAccounts: true, oidc: undefined });
  });

  it("fills the OIDC defaults and resolves the client secret from its source", () => {
    const parsed = schema.parse({
      oidc: {
        issuer: "https://id.example.com/realms/kafka/",
        clientId: "console",
        clientSecret: { env: "OIDC_SECRET" },
      },
    });
    expect(parsed.oidc).toEqual({
      issuer: "https://id.example.com/realms/kafka",
      clientId: "console",
      clientSecret: "s3cret",
      scopes: ["openid", "profile", "email"],
      displayName: "single sign-on",
      roleClaim: "groups",
      roleMappings: [],
      defaultRole: "none",
      usernameClaim: "preferred_username",
    });
  });

  it("refuses plain http away from loopback, scopes without openid, unknown roles", () => {
    expect(
      issues({
        oidc: {
          issuer: "http://id.example.com",
          clientId: "c",
          scopes: ["profile"],
          roleMappings: [{ value: "x", role: "root" }],
          defaultRole: "guest",
        },
      }),
    ).toEqual([
      expect.stringMatching(/^oidc\.issuer: must be an https URL/),
      "oidc.scopes: must include openid",
      expect.stringMatching(/^oidc\.roleMappings\.0\.role:/),
      expect.stringMatching(/^oidc\.defaultRole:/),
    ]);
    expect(issues({ oidc: { issuer: "http://127.0.0.1:9000", clientId: "c" } })).toEqual([]);
  });

  it("does not let local accounts be turned off without single sign-on", () => {
    expect(issues({ localAccounts: false })).toEqual([
      "localAccounts: turning local accounts off needs auth.oidc: otherwise nobody can sign in",
    ]);
    expect(
      issues({ localAccounts: "false", oidc: { issuer: "https://id.example.com", clientId: "c" } }),
    ).toEqual([]);
  });
});
