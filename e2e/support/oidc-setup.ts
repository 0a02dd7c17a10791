// Single sign-on for the e2e console: a real OpenID provider on loopback (test/support/oidc-provider.ts)
// and the console's `auth.oidc` section pointing at it, beside the local accounts the other specs use.
import { appendFileSync } from "node:fs";

import { startOidcProvider, type TestOidcProvider } from "../../test/support/oidc-provider";

/** The provider's users and their groups at the start of the run; sso.spec changes them. */
export const SSO_USERS = {
  operator: { username: "olga-sso", groups: ["staff", "kafka-ops"] },
  mover: { username: "max-sso", groups: ["kafka-ops"] },
  unmapped: { username: "sam-sso", groups: ["sales", "staff"] },
} as const;
export const SSO_DISPLAY_NAME = "Test IdP";

/**
 * Starts the provider and appends the auth section to the console's configuration. The redirect URL is
 * built on CONSOLE_PUBLIC_URL, which the caller puts into the console's environment.
 */
export async function setUpSso(
  configPath: string,
  baseURL: string,
): Promise<{ provider: TestOidcProvider; env: Record<string, string> }> {
  const provider = await startOidcProvider({
    redirectUris: [`${baseURL}/auth/oidc/callback`],
    postLogoutRedirectUris: [`${baseURL}/login?reason=signed-out`],
    users: Object.fromEntries(
      Object.values(SSO_USERS).map(({ username, groups }) => [username, [...groups]]),
    ),
  });
  appendFileSync(
    configPath,
    [
      "auth:",
      "  oidc:",
      `    issuer: ${provider.issuer}`,
      `    clientId: ${provider.clientId}`,
      "    clientSecret: { env: E2E_OIDC_CLIENT_SECRET }",
      "    scopes: [openid, profile, email, groups]",
      `    displayName: ${SSO_DISPLAY_NAME}`,
      "    roleClaim: groups",
      "    roleMappings:",
      "      - { value: kafka-admins, role: admin }",
      "      - { value: kafka-ops, role: operator }",
      "",
    ].join("\n"),
  );
  // Specs change the provider's users through its test endpoint (they run in other processes).
  process.env.E2E_OIDC_ISSUER = provider.issuer;
  return {
    provider,
    env: { CONSOLE_PUBLIC_URL: baseURL, E2E_OIDC_CLIENT_SECRET: provider.clientSecret },
  };
}
