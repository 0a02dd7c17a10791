// A real OpenID provider (the oidc-provider package) on loopback for the single sign-on tests: one
// confidential client, users whose `groups` claim a test can change, and the package's development
// login page (any password works). PUT /__test/users/<name>/groups changes a user's groups from another
// process (the e2e specs run apart from the global setup that starts the provider).
import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";

import { exportJWK, generateKeyPair, type JWK } from "jose";
import Provider from "oidc-provider";

import { freePort } from "./free-port";

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's private signing key, for forging ID tokens it would never issue (expired, …). */
  signingKey: JWK;
  setGroups(username: string, groups: string[]): void;
  close(): Promise<void>;
}

export interface TestOidcProviderOptions {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** User name → groups. Unknown names can sign in too, with no groups. */
  users?: Record<string, string[]>;
  port?: number;
}

export async function startOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "kafka-console";
  const clientSecret = randomBytes(24).toString("base64url");
  const groups = new Map(Object.entries(options.users ?? {}));

  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(24).toString("base64url")] },
    claims: {
      openid: ["sub"],
      profile: ["preferred_username", "name"],
      email: ["email"],
      groups: ["groups"],
    },
    // Scope claims in the ID token itself, as Keycloak and Entra put groups there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true, logoutSource } },
    // A first-party client: consent is implied, so the login page is the only interaction.
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      const clientIdOfRequest = ctx.oidc.client?.clientId;
      if (!accountId || !clientIdOfRequest) return undefined;
      const existing = ctx.oidc.session?.grantIdFor(clientIdOfRequest);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: clientIdOfRequest });
      grant.addOIDCScope("openid profile email groups");
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          preferred_username: sub,
          name: sub,
          email: `${sub}@example.test`,
          groups: groups.get(sub) ?? [],
        }),
      };
    },
  });

  const handle = provider.callback();
  const server: Server = createServer((request, response) => {
    const match = /^\/__test\/users\/([^/]+)\/groups$/.exec(request.url ?? "");
    if (match && request.method === "PUT") {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        groups.set(decodeURIComponent(match[1] ?? ""), JSON.parse(body) as string[]);
        response.writeHead(204).end();
      });
      return;
    }
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  return {
    issuer,
    clientId,
    clientSecret,
    signingKey,
    setGroups: (username, list) => void groups.set(username, list),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** From another process: the provider's user now has these groups (the next ID token carries them). */
export async function setProviderGroups(issuer: string, username: string, groups: string[]): Promise<void> {
  const response = await fetch(`${issuer}/__test/users/${encodeURIComponent(username)}/groups`, {
    method: "PUT",
    body: JSON.stringify(groups),
  });
  if (response.status !== 204) throw new Error(`setting ${username}'s groups failed: ${response.status}`);
}

// The package's default page loads a web font; this one needs nothing from the network.
async function logoutSource(ctx: { body: unknown }, form: string): Promise<void> {
  ctx.body = `<!DOCTYPE html><html><head><title>Sign out</title></head><body>
    <h1>Sign out of the test provider?</h1>${form}
    <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
    </body></html>`;
}
