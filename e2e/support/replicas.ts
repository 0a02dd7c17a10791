// Console replicas for e2e/replicas.spec.ts: extra production servers (the same .next build as the
// suite's) on their own free ports, all reading one configuration whose server.store is a shared
// PostgreSQL, with the e2e brokers and CA. Started and stopped by the spec, not by global-setup.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { parse, stringify } from "yaml";

import { SERVER_EXEC_ARGV, serverEnvironment } from "../../scripts/server-runtime";
import { freePort } from "../../test/support/free-port";

const ROOT = join(import.meta.dirname, "..", "..");
const READY_WITHIN_MS = 120_000;

/**
 * Writes `<name>.config.yaml` beside the e2e configuration (so its relative certificate paths hold):
 * the same clusters and CA, a PostgreSQL store, and the secrets every replica must share.
 */
export function writeReplicaConfig(name: string, storeUrl: string): string {
  const brokerDir = process.env.E2E_BROKER_DIR;
  if (!brokerDir) throw new Error("E2E_BROKER_DIR is unset: run through playwright's global setup");
  const e2e = parse(readFileSync(join(brokerDir, "console.config.yaml"), "utf8")) as Record<string, unknown>;
  const path = join(brokerDir, `${name}.config.yaml`);
  const config = {
    server: {
      // One data directory for all, as a shared volume would be; nothing in it is the store.
      dataDir: `${name}-data`,
      sessionSecret: randomBytes(36).toString("base64url"),
      store: { kind: "postgres", url: storeUrl, pool: { max: 10 } },
    },
    clusters: e2e.clusters,
    // A configured key: replicas must open the CA's private keys alike.
    ca: { ...(e2e.ca as object), keyEncryptionKey: randomBytes(36).toString("base64url") },
  };
  writeFileSync(path, stringify(config), { mode: 0o600 });
  return path;
}

export interface Replica {
  name: string;
  baseURL: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves once /readyz answers 200; rejects if the process exits first. */
  ready(): Promise<void>;
  /** SIGKILL: no shutdown hooks, open transactions cut off. */
  kill(): Promise<void>;
  /** The same port and configuration again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function environment(configPath: string, port: number): NodeJS.ProcessEnv {
  return serverEnvironment({
    ...process.env,
    // The spec runs under the react-server condition; Next must not.
    NODE_OPTIONS: "",
    CONSOLE_CONFIG: configPath,
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
  });
}

/** Starts one server; ready() resolves once /readyz answers 200. */
export async function spawnReplica(name: string, configPath: string): Promise<Replica> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let log = "";
  let server: ChildProcess;
  const launch = () => {
    server = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(ROOT, "server.mjs")], {
      env: environment(configPath, port),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => void (log += chunk.toString());
    server.stdout?.on("data", keep);
    server.stderr?.on("data", keep);
  };
  const exited = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) resolve();
      else server.once("exit", () => resolve());
    });
  const ready = async () => {
    const deadline = Date.now() + READY_WITHIN_MS;
    while (Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`Replica ${name} exited (${server.exitCode}):\n${log}`);
      try {
        if ((await fetch(`${baseURL}/readyz`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`Replica ${name} was not ready within ${READY_WITHIN_MS / 1000} s:\n${log}`);
  };
  launch();
  return {
    name,
    baseURL,
    output: () => log,
    ready,
    kill: async () => {
      server.kill("SIGKILL");
      await exited();
    },
    restart: async () => {
      launch();
      await ready();
    },
    stop: async () => {
      server.kill("SIGTERM");
      await exited();
    },
  };
}

/** `npm run user add` against the replicas' configuration (the store they share). */
export function addReplicaUser(configPath: string, username: string, role: string, password: string): void {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      join(ROOT, "scripts/user.ts"),
      ...["add", username, "--role", role, "--password-stdin", "--no-change-required"],
    ],
    {
      env: { ...process.env, NODE_OPTIONS: "", CONSOLE_CONFIG: configPath },
      input: `${password}\n`,
      encoding: "utf8",
    },
  );
  if (result.status !== 0)
    throw new Error(`npm run user add ${username} failed: ${result.stderr}${result.stdout}`);
}
