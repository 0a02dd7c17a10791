// npm run cluster [start|stop|status|reset] [local|plain|registry] – the local Kafka clusters: "local" (mTLS) in
// .local/cluster and "plain" (SASL_SSL with PLAIN) in .local/cluster/plain, and the schema registry
// (Apicurio, in-memory) in .local/cluster/registry.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { brokerStatus, startBroker, stopBroker } from "./broker";
import { brokerLayout, CONSOLE_IDENTITY, DEFAULT_PORTS, type BrokerPorts } from "./layout";
import { ensurePlainUsers, PLAIN_CONSOLE_USER } from "./plain-users";
import {
  DEFAULT_REGISTRY_PORT,
  registryLayout,
  registryStatus,
  startRegistry,
  stopRegistry,
} from "./schema-registry";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const LOCAL_CLUSTER_DIR = join(ROOT, ".local", "cluster");
/** Inside the first one's directory, so `reset` removes both. */
export const PLAIN_CLUSTER_DIR = join(LOCAL_CLUSTER_DIR, "plain");
/** The PLAIN cluster's console connection is `sasl`; `ssl` is its internal (inter-broker) listener. */
/** The demo's schema registry (Apicurio, in-memory), inside the first cluster's directory as well. */
export const REGISTRY_DIR = join(LOCAL_CLUSTER_DIR, "registry");
export const PLAIN_DEFAULT_PORTS: BrokerPorts = { sasl: 9095, ssl: 9096, controller: 9097 };

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${name}=${raw} is not a TCP port`);
  return port;
}

export function localPorts(): BrokerPorts {
  return {
    ssl: portFromEnv("KAFKA_PORT", DEFAULT_PORTS.ssl),
    sasl: portFromEnv("KAFKA_SASL_PORT", DEFAULT_PORTS.sasl),
    controller: portFromEnv("KAFKA_CONTROLLER_PORT", DEFAULT_PORTS.controller),
  };
}

export function plainPorts(): BrokerPorts {
  return {
    sasl: portFromEnv("KAFKA_PLAIN_PORT", PLAIN_DEFAULT_PORTS.sasl),
    ssl: portFromEnv("KAFKA_PLAIN_SSL_PORT", PLAIN_DEFAULT_PORTS.ssl),
    controller: portFromEnv("KAFKA_PLAIN_CONTROLLER_PORT", PLAIN_DEFAULT_PORTS.controller),
  };
}

/** The local SCRAM user's password is generated once and kept beside the certificates. */
function localScramUsers(): Record<string, string> {
  const path = brokerLayout(LOCAL_CLUSTER_DIR).scramCredentials;
  if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
  const users = { "scram-client": randomBytes(18).toString("base64url") };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, JSON.stringify(users, null, 2), { mode: 0o600 });
  return users;
}

export async function startLocalCluster() {
  const broker = await startBroker({
    dir: LOCAL_CLUSTER_DIR,
    ports: localPorts(),
    heap: "512m",
    scramUsers: localScramUsers(),
    onLog: (line) => console.log(line),
  });
  const where = relative(process.cwd(), broker.layout.dir) || ".";
  console.log(
    broker.reused
      ? `Kafka "local" is already running (pid ${broker.pid}) on 127.0.0.1:${broker.ports.ssl}.`
      : `Kafka "local" is ready on 127.0.0.1:${broker.ports.ssl} (mTLS) and :${broker.ports.sasl} (SASL_SSL SCRAM-SHA-512) after ${(broker.readyAfterMs / 1000).toFixed(1)}s, pid ${broker.pid}.`,
  );
  console.log(
    `Certificates in ${where}/certs; the console connects as User:${CONSOLE_IDENTITY}. Log: ${where}/broker.log`,
  );
  return broker;
}

/** The second cluster, "plain": the console connects with SASL_SSL PLAIN as a super user there. */
export async function startPlainCluster() {
  const plain = ensurePlainUsers(brokerLayout(PLAIN_CLUSTER_DIR));
  const broker = await startBroker({
    dir: PLAIN_CLUSTER_DIR,
    ports: plainPorts(),
    heap: "256m",
    plain,
    onLog: (line) => console.log(line),
  });
  const where = relative(process.cwd(), broker.layout.dir) || ".";
  console.log(
    broker.reused
      ? `Kafka "plain" is already running (pid ${broker.pid}) on 127.0.0.1:${broker.ports.sasl}.`
      : `Kafka "plain" is ready on 127.0.0.1:${broker.ports.sasl} (SASL_SSL PLAIN and SCRAM-SHA-512) after ${(broker.readyAfterMs / 1000).toFixed(1)}s, pid ${broker.pid}.`,
  );
  console.log(
    `The console connects as User:${PLAIN_CONSOLE_USER} (PLAIN); users and passwords in ${where}/certs/private/plain-users.json. Log: ${where}/broker.log`,
  );
  return broker;
}

/** The schema registry the demo gives the "local" cluster (SCHEMA_REGISTRY_PORT, default 8081). */
export async function startLocalRegistry() {
  const registry = await startRegistry({
    dir: REGISTRY_DIR,
    port: portFromEnv("SCHEMA_REGISTRY_PORT", DEFAULT_REGISTRY_PORT),
    onLog: (line) => console.log(line),
  });
  const where = relative(process.cwd(), registryLayout(REGISTRY_DIR).log) || ".";
  console.log(
    registry.reused
      ? `Schema registry is already running (pid ${registry.pid}) at ${registry.url}.`
      : `Schema registry (Apicurio, in-memory) is ready at ${registry.url} after ${(registry.readyAfterMs / 1000).toFixed(1)}s, pid ${registry.pid}. Log: ${where}`,
  );
  return registry;
}

/** Both local clusters and the schema registry, started side by side. */
export async function startLocalClusters() {
  const [local, plain, registry] = await Promise.all([
    startLocalCluster(),
    startPlainCluster(),
    startLocalRegistry(),
  ]);
  return { local, plain, registry };
}

const CLUSTERS = [
  { name: "local", dir: LOCAL_CLUSTER_DIR, listener: "ssl", start: startLocalCluster },
  { name: "plain", dir: PLAIN_CLUSTER_DIR, listener: "sasl", start: startPlainCluster },
] as const;

/** Both clusters, or the one named after the command (`npm run cluster stop plain`). */
function selected(name: string | undefined) {
  if (name === undefined) return CLUSTERS;
  if (name === "registry") return [];
  const found = CLUSTERS.filter((cluster) => cluster.name === name);
  if (!found.length)
    throw new Error(`Unknown cluster "${name}". Use local, plain or registry, or name none for all.`);
  return found;
}

async function main(command: string, name: string | undefined): Promise<void> {
  const clusters = selected(name);
  // The schema registry goes with both clusters, or alone as `npm run cluster <command> registry`.
  const withRegistry = name === undefined || name === "registry";
  switch (command) {
    case "start":
      await Promise.all([
        ...clusters.map((cluster) => cluster.start()),
        ...(withRegistry ? [startLocalRegistry()] : []),
      ]);
      return;
    case "stop":
      await Promise.all([
        ...clusters.map(async ({ name, dir }) =>
          console.log(
            (await stopBroker(dir)) ? `Kafka "${name}" stopped.` : `Kafka "${name}" was not running.`,
          ),
        ),
        ...(withRegistry
          ? [
              stopRegistry(REGISTRY_DIR).then((stopped) =>
                console.log(stopped ? "Schema registry stopped." : "Schema registry was not running."),
              ),
            ]
          : []),
      ]);
      return;
    case "status":
      for (const { name, dir, listener } of clusters) {
        const status = brokerStatus(dir);
        console.log(
          status?.running
            ? `Kafka "${name}" is running (pid ${status.pid}) on 127.0.0.1:${status.ports[listener]}, cluster id ${status.clusterId}, since ${status.startedAt}.`
            : `Kafka "${name}" is not running.`,
        );
      }
      if (withRegistry) {
        const status = registryStatus(REGISTRY_DIR);
        console.log(
          status?.running
            ? `Schema registry is running (pid ${status.pid}) on 127.0.0.1:${status.port}, since ${status.startedAt}.`
            : "Schema registry is not running.",
        );
      }
      return;
    case "reset":
      // The plain cluster lives inside the local one's directory: "local" alone cannot be reset.
      if (name === "local") throw new Error('Reset both ("npm run cluster reset") or "plain" alone.');
      if (name === "registry")
        throw new Error('The registry keeps nothing on disk: "npm run cluster stop registry".');
      await Promise.all([
        ...clusters.map(({ dir }) => stopBroker(dir)),
        ...(withRegistry ? [stopRegistry(REGISTRY_DIR)] : []),
      ]);
      rmSync(name === "plain" ? PLAIN_CLUSTER_DIR : LOCAL_CLUSTER_DIR, { recursive: true, force: true });
      console.log(
        name === "plain"
          ? 'Cluster "plain" removed (data, certificates and credentials).'
          : "Local clusters removed (data, certificates and credentials).",
      );
      return;
    default:
      throw new Error(`Unknown command "${command}". Use start, stop, status or reset.`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv[2] ?? "start", process.argv[3]).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
