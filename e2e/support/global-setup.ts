// One real broker in a temp dir and one production build of the console pointed at it.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

import type { FullConfig } from "@playwright/test";

import { writeConsoleConfig } from "../../scripts/cluster/console-config";
import { brokerLayout } from "../../scripts/cluster/layout";
import { startTestBroker } from "../../test/support/broker";

export const E2E_CLUSTER = "e2e";

async function waitForConsole(url: string, server: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The console exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The console did not answer at ${url} within ${timeoutMs / 1000}s`);
}

export default async function globalSetup(config: FullConfig) {
  const broker = await startTestBroker();
  const configPath = writeConsoleConfig(brokerLayout(broker.dir), broker.ports, E2E_CLUSTER);
  // Specs reach the broker through these (workers inherit the environment set here).
  process.env.E2E_BROKER_DIR = broker.dir;

  const baseURL = String(config.projects[0]?.use.baseURL);
  const port = new URL(baseURL).port;
  const server = spawn(process.execPath, [fileURLToPath(new URL("../../server.mjs", import.meta.url))], {
    // The specs load the CA code under the react-server condition (see package.json); Next must not.
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      CONSOLE_CONFIG: configPath,
      NODE_ENV: "production",
      PORT: port,
      HOSTNAME: "127.0.0.1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForConsole(`${baseURL}/api/v1/clusters/${E2E_CLUSTER}/status`, server);

  return async () => {
    server.kill("SIGTERM");
    await broker.dispose();
  };
}
