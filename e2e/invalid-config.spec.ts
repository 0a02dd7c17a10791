// The production server refuses to start half-configured: every problem listed, exit 78 (EX_CONFIG).
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const server = spawn(process.execPath, [next, "start", "-p", String(await freePort()), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_OPTIONS: "", CONSOLE_CONFIG: config },
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
