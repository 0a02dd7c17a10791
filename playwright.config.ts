import { existsSync } from "node:fs";

import { defineConfig } from "@playwright/test";

import { storageStateFor } from "./e2e/support/credentials";

const port = Number(process.env.E2E_PORT ?? 3217);
// Debian's chromium when it is installed (this project's machines); Playwright's own browser otherwise.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // One broker and one console for the run; the specs stop and start that broker, so they run in order.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { browserName: "chromium" } },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { browserName: "chromium", storageState: storageStateFor("admin") },
    },
  ],
});
