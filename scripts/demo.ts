// npm run demo – the local clusters ("local" and "plain"), the standard topics, live telemetry, and the console on :3000.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { startLocalClusters } from "./cluster/cli";
import { writeConsoleConfig, type PlainClusterEntry } from "./cluster/console-config";
import type { BrokerLayout, BrokerPorts } from "./cluster/layout";
import { startTelemetry } from "./demo-telemetry";
import { SERVER_EXEC_ARGV, serverEnvironment } from "./server-runtime";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.PORT ?? 3000);

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the console unless a build newer than every source file exists. */
function ensureBuild(): void {
  const buildId = join(ROOT, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "public"].filter((dir) => existsSync(join(ROOT, dir)));
  const newest = Math.max(...sources.map((dir) => newestSource(join(ROOT, dir))));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newest) return;
  console.log("Building the console (next build)…");
  const result = spawnSync(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build failed");
}

/** The console's config: CONSOLE_CONFIG or ./console.config.yaml when present, else one for the local clusters. */
function consoleConfigPath(
  layout: BrokerLayout,
  ports: BrokerPorts,
  plain: PlainClusterEntry,
  schemaRegistryUrl: string,
): string {
  if (process.env.CONSOLE_CONFIG) return process.env.CONSOLE_CONFIG;
  const own = join(ROOT, "console.config.yaml");
  if (existsSync(own)) return own;
  // The console's users and audit trail outlive `npm run cluster reset`: keep them beside, not inside.
  return writeConsoleConfig(layout, ports, "local", "../console", [plain], schemaRegistryUrl);
}

/** Resolves once the console answers HTTP at all (any status); false if it exits or stays silent for two minutes. */
async function consoleAnswers(url: string, server: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && server.exitCode === null && server.signalCode === null) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}

async function main(): Promise<void> {
  const { local: broker, plain, registry } = await startLocalClusters();
  const telemetry = await startTelemetry(broker.layout, broker.ports);
  ensureBuild();
  const config = consoleConfigPath(broker.layout, broker.ports, { name: "plain", ...plain }, registry.url);
  const server = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(ROOT, "server.mjs")], {
    cwd: ROOT,
    env: serverEnvironment({
      ...process.env,
      CONSOLE_CONFIG: config,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
    }),
    stdio: "inherit",
  });

  const shutdown = async () => {
    server.kill("SIGTERM");
    await telemetry.stop();
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  server.once("exit", (code) => {
    void telemetry.stop().then(() => process.exit(code ?? 0));
  });

  // The URL only once it works: printed earlier, it invited a click that the server refused.
  const url = `http://127.0.0.1:${PORT}/console`;
  if (await consoleAnswers(`http://127.0.0.1:${PORT}/login`, server)) {
    console.log(`\nConsole: ${url}  (config ${relative(ROOT, config)})`);
    console.log("Ctrl-C stops the console and the telemetry; `npm run cluster stop` stops Kafka.\n");
  } else if (server.exitCode === null && server.signalCode === null) {
    console.error(`The console has not answered at ${url} within two minutes; see its log above.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
