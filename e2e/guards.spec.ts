// Every route handler and every server action in the code base refuses an anonymous caller (401)
// and a caller whose role is too low (403). The endpoints are found by reading the sources and the
// build's server-action manifest, so a new endpoint without a guard fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

import { PERMISSIONS, type Permission } from "../lib/permissions";
import { ROLES, type Role } from "../lib/schemas/auth";
import { storageStateFor } from "./support/credentials";
import { findRouteHandlers, findServerActions, PUBLIC_ENDPOINTS, urlPathOf } from "./support/endpoints";

const ROOT = join(import.meta.dirname, "..");
const SAMPLES = { cluster: "e2e" };
/**
 * The lowest role the guards of a file require: they name permissions (lib/permissions.ts), which the
 * map turns into roles; a literal `role:` the scan in support/endpoints.ts found counts as well.
 */
function requiredRoleOf(endpoint: { file: string; role: Role | null }, method?: string): Role | null {
  const source = readFileSync(join(ROOT, endpoint.file), "utf8");
  const named = [...(methodSource(source, method) ?? source).matchAll(/\bpermission:\s*"([\w.-]+)"/g)].map(
    (match) => match[1]!,
  );
  const roles = named
    .filter((name): name is Permission => Object.hasOwn(PERMISSIONS, name))
    .map((name) => PERMISSIONS[name] as Role);
  if (endpoint.role) roles.push(endpoint.role);
  return roles.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))[0] ?? null;
}

/**
 * The part of a route file that defines one method (`export const DELETE = guardedRoute({ permission
 * … })` up to the next export), so a file whose GET is for viewers and DELETE for admins is tested
 * per method; undefined when the method is not written that way (the whole file counts then).
 */
function methodSource(source: string, method: string | undefined): string | undefined {
  if (!method) return undefined;
  const start = source.search(new RegExp(`export\\s+const\\s+${method}\\s*=`));
  if (start < 0) return undefined;
  const next = source.slice(start + 1).search(/\nexport\s/);
  const part = next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
  return /\bpermission:\s*"/.test(part) ? part : undefined;
}

const routes = findRouteHandlers(SAMPLES).map((route) => ({ ...route, role: requiredRoleOf(route) }));
const actions = findServerActions().map((action) => ({ ...action, role: requiredRoleOf(action) }));

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}
const manifest = JSON.parse(
  readFileSync(join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"),
) as {
  node: Record<string, ManifestEntry>;
};

/** The roles below the one required: each must be refused. */
const lowerRoles = (role: Role): Role[] => ROLES.slice(0, ROLES.indexOf(role));

async function clientFor(baseURL: string, role: Role | null): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL,
    storageState: role ? storageStateFor(role) : { cookies: [], origins: [] },
    // Same-origin, so a refusal is about who calls, not where from.
    extraHTTPHeaders: { Origin: baseURL },
  });
}

test("the sources and the build agree on the endpoints there are", () => {
  expect(routes.length).toBeGreaterThan(0);
  expect(actions.length).toBeGreaterThan(0);
  const fromSources = actions.map((action) => `${action.file}#${action.name}`).sort();
  const fromBuild = Object.values(manifest.node)
    .map((entry) => `${entry.filename}#${entry.exportedName}`)
    .sort();
  // An action the build knows but the scan does not (say, an inline "use server") would go untested.
  expect(fromBuild).toEqual(fromSources);
});

for (const route of routes) {
  test.describe(`route ${route.file}`, () => {
    if (PUBLIC_ENDPOINTS[route.file]) return;

    test("declares a permission with guardedRoute", () => {
      expect(route.methods.length).toBeGreaterThan(0);
      expect(route.role).not.toBeNull();
    });

    for (const method of route.methods) {
      test(`${method} refuses anonymous and lower roles`, async ({ baseURL }) => {
        const anonymous = await clientFor(baseURL!, null);
        expect((await anonymous.fetch(route.path, { method })).status()).toBe(401);
        await anonymous.dispose();
        const required = requiredRoleOf({ file: route.file, role: null }, method) ?? route.role;
        for (const role of lowerRoles(required ?? "viewer")) {
          const client = await clientFor(baseURL!, role);
          expect((await client.fetch(route.path, { method })).status(), role).toBe(403);
          await client.dispose();
        }
      });
    }
  });
}

test("every public endpoint is one that exists", () => {
  const known = [
    ...routes.map((route) => route.file),
    ...actions.map((action) => `${action.file}#${action.name}`),
  ];
  for (const endpoint of Object.keys(PUBLIC_ENDPOINTS)) expect(known).toContain(endpoint);
});

for (const [id, entry] of Object.entries(manifest.node)) {
  const key = `${entry.filename}#${entry.exportedName}`;
  const declared = actions.find((action) => `${action.file}#${action.name}` === key);
  if (PUBLIC_ENDPOINTS[key]) continue;
  test(`action ${key} refuses anonymous and lower roles`, async ({ baseURL }) => {
    expect(declared?.role, "built with guardedAction({ permission })").toBeTruthy();
    // An action is posted to a page that bundles it, as the browser does.
    const worker = Object.keys(entry.workers)[0]!;
    const page = urlPathOf(join(ROOT, worker.replace(/\/page$/, "/page.tsx")), SAMPLES).replace(/^\/$/, "/");
    const call = async (role: Role | null) => {
      const client = await clientFor(baseURL!, role);
      const response = await client.post(page, {
        headers: {
          "Next-Action": id,
          Accept: "text/x-component",
          "Content-Type": "text/plain;charset=UTF-8",
        },
        data: JSON.stringify([null, {}]),
      });
      const body = await response.text();
      await client.dispose();
      return body;
    };
    expect(await call(null)).toContain('"status":401');
    for (const role of lowerRoles(declared!.role!)) {
      expect(await call(role), role).toContain('"status":403');
    }
  });
}
