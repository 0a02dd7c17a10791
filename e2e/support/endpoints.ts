// Finds every route handler and server action in the code base, with the role each one declares,
// so the guard spec can prove that none of them answers an anonymous or under-privileged caller.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

import { ROLES, type Role } from "../../lib/schemas/auth";

const ROOT = join(import.meta.dirname, "..", "..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export interface RouteEndpoint {
  file: string;
  /** URL path with dynamic segments filled in, e.g. /api/v1/clusters/e2e/status. */
  path: string;
  methods: string[];
  /** The role named in guardedRoute({ role }), or null when the file has no guard at all. */
  role: Role | null;
}

export interface ActionEndpoint {
  file: string;
  name: string;
  role: Role | null;
}

/**
 * Public by design, each with the reason. Anything not listed here must be guarded.
 * Keyed by file (route handlers) or file#export (server actions).
 */
export const PUBLIC_ENDPOINTS: Record<string, string> = {
  "lib/actions/sign-in.ts#signIn": "signing in is what an anonymous visitor does",
  "app/tools/ca/root.pem/route.ts":
    "the root CA certificate: clients and brokers fetch it to trust the CA before anyone can sign in",
  "app/tools/ca/intermediate.pem/route.ts": "the intermediate CA certificate: public, like the root",
  "app/tools/ca/chain.pem/route.ts": "the CA chain (intermediate and root): public, like its parts",
  "app/tools/ca/crl.der/route.ts":
    "the CRL distribution point named in every certificate: relying parties fetch it without credentials",
  "app/tools/ca/crl.pem/route.ts": "the same CRL as text: public, like crl.der",
  "app/auth/oidc/start/route.ts": "single sign-on begins before anyone is signed in",
  "app/healthz/route.ts": "liveness for load balancers and Kubernetes probes, which carry no credentials",
  "app/readyz/route.ts":
    "readiness for load balancers and Kubernetes probes; names a failed check, never a reason or a secret",
  "app/auth/oidc/callback/route.ts":
    "the identity provider sends the browser back here to sign in; the sealed transaction and the ID token are checked",
};

const SKIPPED = new Set([
  "node_modules",
  ".next",
  ".runtime",
  ".local",
  ".git",
  "test-results",
  "playwright-report",
  "target",
]);

function walk(dir: string, match: (name: string) => boolean): string[] {
  let files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) files = files.concat(walk(path, match));
    } else if (match(entry.name)) files.push(path);
  }
  return files;
}

function declaredRole(source: string, wrapper: string): Role | null {
  const roles = [
    ...source.matchAll(new RegExp(`${wrapper}(?:<[\\s\\S]*?>)?\\(\\s*\\{[^}]*?role:\\s*"(\\w+)"`, "g")),
  ].map((m) => m[1]);
  const known = roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role ?? ""));
  if (known.length === 0) return null;
  // The lowest role a file declares is the one an under-privileged caller is measured against.
  return known.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))[0] ?? null;
}

export function exportedMethods(source: string): string[] {
  return HTTP_METHODS.filter((method) =>
    new RegExp(
      `export\\s+(?:const\\s+${method}\\b|(?:async\\s+)?function\\s+${method}\\b|\\{[^}]*\\b${method}\\b[^}]*\\})`,
    ).test(source),
  );
}

/** app/api/v1/clusters/[cluster]/status/route.ts → /api/v1/clusters/<sample>/status */
export function urlPathOf(file: string, samples: Record<string, string>): string {
  const segments = relative(join(ROOT, "app"), file).split(sep).slice(0, -1);
  const path = segments
    .filter((segment) => !/^\(.*\)$/.test(segment)) // route groups do not appear in URLs
    .map((segment) => {
      const dynamic = /^\[+\.{0,3}(\w+)\]+$/.exec(segment)?.[1];
      return dynamic ? (samples[dynamic] ?? `sample-${dynamic}`) : segment;
    });
  return `/${path.join("/")}`;
}

export function findRouteHandlers(samples: Record<string, string>): RouteEndpoint[] {
  return walk(join(ROOT, "app"), (name) => /^route\.(ts|tsx|js)$/.test(name)).map((path) => {
    const source = readFileSync(path, "utf8");
    return {
      file: relative(ROOT, path),
      path: urlPathOf(path, samples),
      methods: exportedMethods(source),
      role: declaredRole(source, "guardedRoute"),
    };
  });
}

export function findServerActions(): ActionEndpoint[] {
  return walk(ROOT, (name) => /\.(ts|tsx)$/.test(name)).flatMap((path) => {
    const source = readFileSync(path, "utf8");
    if (!/^\s*["']use server["'];?/m.test(source.split("\n").slice(0, 5).join("\n"))) return [];
    const names = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(\w+)/g)].map(
      (match) => match[1] ?? "",
    );
    return names.map((name) => ({
      file: relative(ROOT, path),
      name,
      role: declaredRole(source, "guardedAction"),
    }));
  });
}
