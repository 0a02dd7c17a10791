// Two real brokers in temp dirs, "e2e" (mTLS, the default, with a schema registry) and "e2e-plain"
// (SASL_SSL with PLAIN), and one production build of the console pointed at both, with the users the
// specs sign in as.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { FullConfig } from "@playwright/test";

import { writeConsoleConfig } from "../../scripts/cluster/console-config";
import { brokerLayout } from "../../scripts/cluster/layout";
import { SERVER_EXEC_ARGV, serverEnvironment } from "../../scripts/server-runtime";
import { startTestBroker } from "../../test/support/broker";
import { startTestRegistry } from "../../test/support/schema-registry";
import { writeCredentials } from "./credentials";
import { setUpSso } from "./oidc-setup";

export const E2E_CLUSTER = "e2e";
export const E2E_PLAIN_CLUSTER = "e2e-plain";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIRST_ADMIN = /Created the first user "admin" with password: (\S+)/;

/** Resolves with the first admin's password once the server prints it, and it answers HTTP. */
async function startConsole(
  baseURL: string,
  env: NodeJS.ProcessEnv,
): Promise<{ server: ChildProcess; adminPassword: string }> {
  const server = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(ROOT, "server.mjs")], {
    env: serverEnvironment(env),
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(
      chunk.toString().replace(FIRST_ADMIN, 'Created the first user "admin" with password: ***'),
    );
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The console exited with code ${server.exitCode}`);
    const adminPassword = FIRST_ADMIN.exec(output)?.[1];
    try {
      if (adminPassword && (await fetch(`${baseURL}/login`)).ok) return { server, adminPassword };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill("SIGTERM");
  throw new Error(`The console did not start, or printed no first admin password, within 120 s`);
}

function addUser(env: NodeJS.ProcessEnv, username: string, role: string, password: string): void {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      join(ROOT, "scripts/user.ts"),
      "add",
      username,
      "--role",
      role,
      "--password-stdin",
      "--no-change-required",
    ],
    { env, input: `${password}\n`, encoding: "utf8" },
  );
  if (result.status !== 0)
    throw new Error(`npm run user add ${username} failed: ${result.stderr}${result.stdout}`);
}

export default async function globalSetup(config: FullConfig) {
  // Side by side: the second broker adds little to the setup's time (see the log line).
  const began = Date.now();
  // The schema registry (Apicurio) is the first cluster's only; the plain cluster has none.
  const [broker, plainBroker, registry] = await Promise.all([
    startTestBroker(),
    startTestBroker({ plain: true }),
    startTestRegistry(),
  ]);
  console.log(
    `Brokers ${E2E_CLUSTER} and ${E2E_PLAIN_CLUSTER} and the schema registry ready after ${Date.now() - began} ms.`,
  );
  const configPath = writeConsoleConfig(
    brokerLayout(broker.dir),
    broker.ports,
    E2E_CLUSTER,
    "console-data",
    [{ name: E2E_PLAIN_CLUSTER, layout: brokerLayout(plainBroker.dir), ports: plainBroker.ports }],
    registry.url,
  );
  // Specs reach the brokers through these (workers inherit the environment set here).
  process.env.E2E_BROKER_DIR = broker.dir;
  process.env.E2E_PLAIN_BROKER_DIR = plainBroker.dir;
  process.env.E2E_REGISTRY_URL = registry.url;

  const baseURL = String(config.projects.at(-1)?.use.baseURL);
  const sso = await setUpSso(configPath, baseURL);
  // The specs load the CA code under the react-server condition (see package.json); Next must not.
  const env = {
    ...process.env,
    NODE_OPTIONS: "",
    CONSOLE_CONFIG: configPath,
    NODE_ENV: "production" as const,
    PORT: new URL(baseURL).port,
    HOSTNAME: "127.0.0.1",
    ...sso.env,
    // throughput.spec measures a rate over a few rounds: 5 s rounds, not the lag history's 30 s.
    CONSOLE__LAG_HISTORY__THROUGHPUT_INTERVAL_SECONDS: "5",
  };
  const { server, adminPassword } = await startConsole(baseURL, env);

  const password = () => randomBytes(18).toString("base64url");
  const users = {
    viewer: { username: "vera-viewer", password: password() },
    operator: { username: "otto-operator", password: password() },
  };
  const spareUsers = {
    idle: { username: "ida-idle", password: password() },
    throttled: { username: "tess-throttled", password: password() },
    targeted: { username: "tom-targeted", password: password() },
    tokenCreator: { username: "tia-token-admin", password: password() },
  };
  for (const [role, user] of Object.entries(users)) addUser(env, user.username, role, user.password);
  for (const [name, user] of Object.entries(spareUsers))
    addUser(env, user.username, name === "tokenCreator" ? "admin" : "viewer", user.password);
  writeCredentials({
    adminInitialPassword: adminPassword,
    adminPassword: `${password()}-admin`,
    users,
    spareUsers,
    storePath: join(broker.dir, "console-data", "console.db"),
  });

  return async () => {
    server.kill("SIGTERM");
    await Promise.all([broker.dispose(), plainBroker.dispose(), registry.dispose(), sso.provider.close()]);
  };
}
