// The process-wide pool: built from the configuration, kept across module reloads (Next.js dev HMR),
// replaced when the configuration changes. No broker needed: clients connect lazily.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

let dir: string;
let configFile: string;
const previousConfig = process.env.CONSOLE_CONFIG;

function writeConfig(names: string[]) {
  const clusters = names.map((name) => `  - name: ${name}\n    bootstrapBrokers: [127.0.0.1:1]\n`).join("");
  writeFileSync(configFile, `clusters:\n${clusters}`);
}

/** A fresh copy of the modules, as after a hot reload; globalThis stays. */
async function reload() {
  vi.resetModules();
  return { index: await import("./index"), globalPool: await import("./global-pool") };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kafka-console-pool-"));
  configFile = join(dir, "console.config.yaml");
  process.env.CONSOLE_CONFIG = configFile;
});

afterAll(async () => {
  const { index } = await reload();
  await index.closeAllClusters();
  process.env.CONSOLE_CONFIG = previousConfig;
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  writeConfig(["alpha", "beta"]);
  const { index } = await reload();
  await index.closeAllClusters();
});

describe("the process-wide cluster pool", () => {
  it("lists the configured clusters in order", async () => {
    const { index } = await reload();
    expect(index.listClusterNames()).toEqual(["alpha", "beta"]);
  });

  it("answers an unknown cluster without throwing", async () => {
    const { index } = await reload();
    expect(await index.getClusterStatus("gamma")).toMatchObject({
      ok: false,
      cluster: "gamma",
      problem: { kind: "unknown-cluster" },
    });
  });

  it("survives a module reload", async () => {
    const before = (await reload()).globalPool.currentPool();
    const after = (await reload()).globalPool.currentPool();
    expect(after).toBe(before);
  });

  it("replaces the pool, closing the old one, when the configuration changes", async () => {
    const before = (await reload()).globalPool.currentPool();
    writeConfig(["alpha", "gamma"]);
    const after = (await reload()).globalPool.currentPool();
    expect(after).not.toBe(before);
    expect(after.names()).toEqual(["alpha", "gamma"]);
    expect(await before.status("alpha")).toMatchObject({ ok: false, problem: { kind: "unreachable" } });
  });

  it("starts a new pool after closeAllClusters", async () => {
    const { index, globalPool } = await reload();
    const before = globalPool.currentPool();
    await index.closeAllClusters();
    expect(globalPool.currentPool()).not.toBe(before);
  });
});
