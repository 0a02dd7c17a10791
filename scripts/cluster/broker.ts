// A real Apache Kafka broker (single-node KRaft) run from the jars Maven put in target/dependency
// (or target/kafka-<version> for another KAFKA_VERSION, see kafka-version.ts).
// Used by `npm run cluster`, the demo and the integration and e2e tests.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { ensureCertificates } from "./certificates";
import { brokerLayout, DEFAULT_PORTS, type BrokerLayout, type BrokerPorts } from "./layout";
import { jarsDirectory, kafkaVersion, POM } from "./kafka-version";
import { isAlive } from "./process";
import { log4jProperties, serverProperties, type PlainSettings } from "./properties";
import { applyDefaultAcls, waitUntilReady } from "./readiness";

/** The running Kafka release and its jars, decided once per process. */
export const KAFKA_VERSION = kafkaVersion();
export const JARS = jarsDirectory(KAFKA_VERSION);

export interface BrokerOptions {
  dir: string;
  ports?: BrokerPorts;
  /** Heap for the JVM; the demo broker gets more than a throwaway test broker. */
  heap?: string;
  /** SCRAM-SHA-512 users created when the storage is formatted. */
  scramUsers?: Record<string, string>;
  /**
   * PLAIN users on the SASL_SSL listener (beside SCRAM). Kept in the broker's directory, so a later
   * start without them, a restart, keeps them.
   */
  plain?: PlainSettings;
  /** SCRAM-SHA-256 as well on the SASL_SSL listener. */
  scramSha256?: boolean;
  onLog?: (line: string) => void;
}

interface BrokerState {
  pid: number;
  ports: BrokerPorts;
  clusterId: string;
  startedAt: string;
}

export interface RunningBroker {
  layout: BrokerLayout;
  ports: BrokerPorts;
  pid: number;
  /** True when an earlier start's broker was found running and reused. */
  reused: boolean;
  readyAfterMs: number;
}

/** Puts the broker's jars in place with Maven the first time; later calls find them. */
export function ensureJars(log: (line: string) => void = console.log): void {
  if (existsSync(join(JARS, `kafka_2.13-${KAFKA_VERSION}.jar`))) return;
  log(`Fetching Apache Kafka ${KAFKA_VERSION} and its runtime from Maven Central (first run only)…`);
  const result = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "-f",
      POM,
      "dependency:copy-dependencies",
      "-DincludeScope=runtime",
      `-Dkafka.version=${KAFKA_VERSION}`,
      `-DoutputDirectory=${JARS}`,
    ],
    { stdio: "inherit" },
  );
  if (result.error)
    throw new Error(`Could not run Maven (mvn): ${result.error.message}. Install Maven 3 and Java 17+.`);
  if (result.status !== 0) {
    throw new Error(`Maven failed (exit ${result.status}) fetching the jars of Kafka ${KAFKA_VERSION}.`);
  }
}

function java(args: string[]): string[] {
  return ["-cp", join(JARS, "*"), ...args];
}

function readState(layout: BrokerLayout): BrokerState | undefined {
  if (!existsSync(layout.state)) return undefined;
  return JSON.parse(readFileSync(layout.state, "utf8")) as BrokerState;
}

/**
 * Kafka's cluster id: a base64url UUID without padding. Like Kafka's own Uuid.randomUuid(), never one
 * starting with "-": the storage tool would read it as an option (one start in 64 failed that way).
 */
export function newClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

function format(layout: BrokerLayout, scramUsers: Record<string, string>): string {
  const metaProperties = join(layout.data, "meta.properties");
  if (existsSync(metaProperties)) {
    const match = /cluster\.id=(.+)/.exec(readFileSync(metaProperties, "utf8"));
    if (match?.[1]) return match[1].trim();
  }
  const clusterId = newClusterId();
  const scram = Object.entries(scramUsers).flatMap(([name, password]) => [
    "--add-scram",
    `SCRAM-SHA-512=[name=${name},password=${password}]`,
  ]);
  const result = spawnSync(
    "java",
    java(["kafka.tools.StorageTool", "format", "-t", clusterId, "-c", layout.serverProperties, ...scram]),
    { encoding: "utf8" },
  );
  if (result.status !== 0) {
    throw new Error(`Formatting the broker storage failed:\n${result.stdout}${result.stderr}`.trim());
  }
  return clusterId;
}

function ensurePlainSettings(
  layout: BrokerLayout,
  plain: PlainSettings | undefined,
): PlainSettings | undefined {
  if (plain) {
    writeFileSync(layout.plainUsers, JSON.stringify(plain, null, 2), { mode: 0o600 });
    return plain;
  }
  if (!existsSync(layout.plainUsers)) return undefined;
  return JSON.parse(readFileSync(layout.plainUsers, "utf8")) as PlainSettings;
}

/** Starts the broker, or finds the one an earlier start left running, and waits until it answers. */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const layout = brokerLayout(options.dir);
  const log = options.onLog ?? (() => undefined);
  const began = Date.now();
  const previous = readState(layout);
  if (previous && isAlive(previous.pid)) {
    await waitUntilReady(layout, previous.ports, previous.pid);
    return {
      layout,
      ports: previous.ports,
      pid: previous.pid,
      reused: true,
      readyAfterMs: Date.now() - began,
    };
  }

  const ports = options.ports ?? previous?.ports ?? DEFAULT_PORTS;
  ensureJars(log);
  mkdirSync(layout.config, { recursive: true });
  ensureCertificates(layout);
  // The properties may hold PLAIN passwords: readable by the owner only.
  writeFileSync(
    layout.serverProperties,
    serverProperties(
      layout,
      ports,
      ensurePlainSettings(layout, options.plain),
      KAFKA_VERSION,
      options.scramSha256,
    ),
    {
      mode: 0o600,
    },
  );
  writeFileSync(layout.log4j, log4jProperties());
  const clusterId = format(layout, options.scramUsers ?? {});

  const logFd = openSync(layout.log, "a");
  const child = spawn(
    "java",
    [
      `-Xms${options.heap ?? "256m"}`,
      `-Xmx${options.heap ?? "256m"}`,
      "-XX:+UseG1GC",
      "-Djava.awt.headless=true",
      `-Dlog4j2.configurationFile=${layout.log4j}`,
      ...java(["kafka.Kafka", layout.serverProperties]),
    ],
    { detached: true, stdio: ["ignore", logFd, logFd] },
  );
  closeSync(logFd);
  child.unref();
  if (child.pid === undefined) throw new Error("Could not start java: is a Java 17+ runtime on PATH?");
  const state: BrokerState = { pid: child.pid, ports, clusterId, startedAt: new Date().toISOString() };
  writeFileSync(layout.state, JSON.stringify(state, null, 2));

  await waitUntilReady(layout, ports, child.pid);
  await applyDefaultAcls(layout, ports);
  return { layout, ports, pid: child.pid, reused: false, readyAfterMs: Date.now() - began };
}

/** Stops the broker cleanly (SIGTERM, then SIGKILL after the grace period). */
export async function stopBroker(dir: string, graceMs = 30_000): Promise<boolean> {
  const layout = brokerLayout(dir);
  const state = readState(layout);
  if (!state || !isAlive(state.pid)) {
    rmSync(layout.state, { force: true });
    return false;
  }
  process.kill(state.pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (isAlive(state.pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(state.pid)) process.kill(state.pid, "SIGKILL");
  while (isAlive(state.pid)) await sleep(50);
  rmSync(layout.state, { force: true });
  return true;
}

export function brokerStatus(dir: string): (BrokerState & { running: boolean }) | undefined {
  const state = readState(brokerLayout(dir));
  return state && { ...state, running: isAlive(state.pid) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
