// Nothing secret reaches the browser: the built client bundles hold none of the configured secrets.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { expect, test } from "@playwright/test";

import { readCredentials } from "./support/credentials";

const STATIC = join(import.meta.dirname, "..", ".next", "static");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The secrets the running e2e console was configured with or made for itself. */
function configuredSecrets(): Record<string, string> {
  const brokerDir = process.env.E2E_BROKER_DIR!;
  const plainBrokerDir = process.env.E2E_PLAIN_BROKER_DIR!;
  const credentials = readCredentials();
  const pemBody = (path: string) =>
    readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("-----"))
      .slice(0, 2)
      .join("");
  return {
    "session secret": readFileSync(join(brokerDir, "console-data", "session-secret"), "utf8").trim(),
    "console private key": pemBody(join(brokerDir, "certs", "private", "console-key.pem")),
    "intermediate CA key": pemBody(join(brokerDir, "certs", "private", "intermediate-ca-key.pem")),
    "PLAIN console password": readFileSync(
      join(plainBrokerDir, "certs", "private", "console-plain-password"),
      "utf8",
    ),
    "admin password": credentials.adminPassword,
    "viewer password": credentials.users.viewer.password,
  };
}

test("the client bundles contain no configured secret and no private key", () => {
  const bundles = files(STATIC).filter((file) => /\.(js|css|json|txt|map)$/.test(file));
  expect(bundles.length).toBeGreaterThan(0);
  const secrets = Object.entries(configuredSecrets());
  for (const [, value] of secrets) expect(value.length).toBeGreaterThanOrEqual(16);
  for (const file of bundles) {
    const content = readFileSync(file, "utf8");
    expect(content, file).not.toContain("PRIVATE KEY-----");
    for (const [name, value] of secrets) expect(content.includes(value), `${name} in ${file}`).toBe(false);
  }
});
