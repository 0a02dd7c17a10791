// The production server refuses to start half-configured: every problem listed, exit 78 (EX_CONFIG).
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { expect, test } from "@playwright/test";

import { freePort } from "../test/support/free-port";

test("an invalid configuration stops the console with every problem listed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "console-bad-config-"));
  const config = join(dir, "console.config.yaml");
  writeFileSync(
    config,
    [
      "clusters:",
      "  - name: Not A Slug",
      "    bootstrapBrokers: [no-port-here]",
      "    tls:",
      "      ca: { file: missing-ca.pem }",
      "    colour: blue",
      "",
    ].join("\n"),
  );
  const server = spawn(process.execPath, [fileURLToPath(new URL("../server.mjs", import.meta.url))], {
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      CONSOLE_CONFIG: config,
      PORT: String(await freePort()),
      HOSTNAME: "127.0.0.1",
    },
  });
  let stderr = "";
  server.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => server.on("exit", resolve));

  expect(code).toBe(78);
  for (const path of [
    "clusters[0].name",
    "clusters[0].bootstrapBrokers[0]",
    "clusters[0].tls.ca",
    "clusters[0].colour",
  ]) {
    expect(stderr).toContain(`${path}:`);
  }
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // problems, not a stack trace
});
