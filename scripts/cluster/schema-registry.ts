// A real schema registry for the demo and the tests: Apicurio Registry (in-memory storage) with its
// Confluent-compatible API at /apis/ccompat/v7, run from the bundle Maven unpacks from Maven Central
// (registry-pom.xml) into target/apicurio-<version>. Bound to loopback on the port given.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { isAlive } from "./process";

const HERE = dirname(fileURLToPath(import.meta.url));
export const REGISTRY_POM = join(HERE, "registry-pom.xml");

/** The pom's `apicurio.version`. */
export function apicurioVersion(pom: string = readFileSync(REGISTRY_POM, "utf8")): string {
  const version = /<apicurio\.version>([^<]+)<\/apicurio\.version>/.exec(pom)?.[1]?.trim();
  if (!version) throw new Error(`No <apicurio.version> in ${REGISTRY_POM}.`);
  return version;
}

export const APICURIO_VERSION = apicurioVersion();
export const REGISTRY_BUNDLE = join(HERE, "target", `apicurio-${APICURIO_VERSION}`);
const RUNNER = join(REGISTRY_BUNDLE, `apicurio-registry-app-${APICURIO_VERSION}-runner.jar`);

/** The path of the Confluent-compatible API under the registry's root. */
export const CCOMPAT_PATH = "/apis/ccompat/v7";
export const DEFAULT_REGISTRY_PORT = 8081;
/**
 * Apicurio's GET /subjects answers at most `registry.ccompat.max-subjects` names (1,000 by default,
 * silently cut); the console lists and searches whatever it answers, so raise it past any real registry.
 */
export const MAX_SUBJECTS = 1_000_000;

/** Puts the registry's bundle in place with Maven the first time; later calls find it. */
export function ensureRegistryBundle(log: (line: string) => void = console.log): void {
  if (existsSync(RUNNER)) return;
  log(`Fetching Apicurio Registry ${APICURIO_VERSION} from Maven Central (first run only, ~140 MB)…`);
  const result = spawnSync("mvn", ["-q", "-B", "-f", REGISTRY_POM, "dependency:unpack"], {
    stdio: "inherit",
  });
  if (result.error)
    throw new Error(`Could not run Maven (mvn): ${result.error.message}. Install Maven 3 and Java 17+.`);
  if (result.status !== 0 || !existsSync(RUNNER)) {
    throw new Error(`Maven failed (exit ${result.status}) fetching Apicurio Registry ${APICURIO_VERSION}.`);
  }
}

export function registryLayout(dir: string) {
  return { dir, log: join(dir, "registry.log"), state: join(dir, "state.json") };
}

interface RegistryState {
  pid: number;
  port: number;
  startedAt: string;
}

export interface RunningRegistry {
  /** The Confluent-compatible API's base URL, what the console's configuration names. */
  url: string;
  port: number;
  pid: number;
  reused: boolean;
  readyAfterMs: number;
}

function readState(dir: string): RegistryState | undefined {
  const { state } = registryLayout(dir);
  if (!existsSync(state)) return undefined;
  return JSON.parse(readFileSync(state, "utf8")) as RegistryState;
}

export function registryUrl(port: number): string {
  return `http://127.0.0.1:${port}${CCOMPAT_PATH}`;
}

function logTail(dir: string, lines = 30): string {
  try {
    return readFileSync(registryLayout(dir).log, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no registry log)";
  }
}

/** Ready once GET /subjects answers 200. */
async function waitUntilReady(dir: string, port: number, pid: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new Error(`The schema registry exited during start-up. Last lines of its log:\n${logTail(dir)}`);
    }
    try {
      const response = await fetch(`${registryUrl(port)}/subjects`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `The schema registry did not answer within ${timeoutMs / 1000}s (${lastError}). Log: ${registryLayout(dir).log}`,
  );
}

/** Starts the registry in `dir` (its log and state), or finds the one an earlier start left running. */
export async function startRegistry(options: {
  dir: string;
  port?: number;
  heap?: string;
  onLog?: (line: string) => void;
}): Promise<RunningRegistry> {
  const began = Date.now();
  const previous = readState(options.dir);
  if (previous && isAlive(previous.pid)) {
    await waitUntilReady(options.dir, previous.port, previous.pid);
    const { pid, port } = previous;
    return { url: registryUrl(port), port, pid, reused: true, readyAfterMs: Date.now() - began };
  }
  const port = options.port ?? previous?.port ?? DEFAULT_REGISTRY_PORT;
  ensureRegistryBundle(options.onLog);
  mkdirSync(options.dir, { recursive: true });
  const layout = registryLayout(options.dir);
  const logFd = openSync(layout.log, "a");
  const heap = options.heap ?? "256m";
  const child = spawn(
    "java",
    [
      `-Xms64m`,
      `-Xmx${heap}`,
      "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1",
      "-Djava.awt.headless=true",
      "-Dquarkus.http.host=127.0.0.1",
      `-Dquarkus.http.port=${port}`,
      "-Dquarkus.log.console.color=false",
      `-Dregistry.ccompat.max-subjects=${MAX_SUBJECTS}`,
      "-jar",
      RUNNER,
    ],
    { cwd: options.dir, detached: true, stdio: ["ignore", logFd, logFd] },
  );
  closeSync(logFd);
  child.unref();
  if (child.pid === undefined) throw new Error("Could not start java: is a Java 17+ runtime on PATH?");
  const state: RegistryState = { pid: child.pid, port, startedAt: new Date().toISOString() };
  writeFileSync(layout.state, JSON.stringify(state, null, 2));
  await waitUntilReady(options.dir, port, child.pid);
  return { url: registryUrl(port), port, pid: child.pid, reused: false, readyAfterMs: Date.now() - began };
}

/** Stops the registry (SIGTERM, then SIGKILL after the grace period); false when none was running. */
export async function stopRegistry(dir: string, graceMs = 10_000): Promise<boolean> {
  const layout = registryLayout(dir);
  const state = readState(dir);
  if (!state || !isAlive(state.pid)) {
    rmSync(layout.state, { force: true });
    return false;
  }
  process.kill(state.pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (isAlive(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(state.pid)) process.kill(state.pid, "SIGKILL");
  while (isAlive(state.pid)) await new Promise((r) => setTimeout(r, 50));
  rmSync(layout.state, { force: true });
  return true;
}

export function registryStatus(dir: string): (RegistryState & { running: boolean }) | undefined {
  const state = readState(dir);
  return state && { ...state, running: isAlive(state.pid) };
}
