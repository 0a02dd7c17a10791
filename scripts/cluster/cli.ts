// npm run cluster [start|stop|status|reset] – the local Kafka cluster in .local/cluster.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { brokerStatus, startBroker, stopBroker } from "./broker";
import { brokerLayout, CONSOLE_IDENTITY, DEFAULT_PORTS, type BrokerPorts } from "./layout";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const LOCAL_CLUSTER_DIR = join(ROOT, ".local", "cluster");

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
      ? `Kafka is already running (pid ${broker.pid}) on 127.0.0.1:${broker.ports.ssl}.`
      : `Kafka is ready on 127.0.0.1:${broker.ports.ssl} (mTLS) and :${broker.ports.sasl} (SASL_SSL SCRAM-SHA-512) after ${(broker.readyAfterMs / 1000).toFixed(1)}s, pid ${broker.pid}.`,
  );
  console.log(
    `Certificates in ${where}/certs; the console connects as User:${CONSOLE_IDENTITY}. Log: ${where}/broker.log`,
  );
  return broker;
}

async function main(command: string): Promise<void> {
  switch (command) {
    case "start":
      await startLocalCluster();
      return;
    case "stop":
      console.log((await stopBroker(LOCAL_CLUSTER_DIR)) ? "Kafka stopped." : "Kafka was not running.");
      return;
    case "status": {
      const status = brokerStatus(LOCAL_CLUSTER_DIR);
      console.log(
        status?.running
          ? `Kafka is running (pid ${status.pid}) on 127.0.0.1:${status.ports.ssl}, cluster id ${status.clusterId}, since ${status.startedAt}.`
          : "Kafka is not running.",
      );
      return;
    }
    case "reset":
      await stopBroker(LOCAL_CLUSTER_DIR);
      rmSync(LOCAL_CLUSTER_DIR, { recursive: true, force: true });
      console.log("Local cluster removed (data, certificates and credentials).");
      return;
    default:
      throw new Error(`Unknown command "${command}". Use start, stop, status or reset.`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv[2] ?? "start").catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
