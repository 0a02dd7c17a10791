// The process-wide store: opened at the configured path, kept across module reloads (Next.js dev).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

let dir: string;
const previousConfig = process.env.CONSOLE_CONFIG;

/** A fresh copy of the modules, as after a hot reload; globalThis stays. */
async function reload() {
  vi.resetModules();
  return import("./index");
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "console-store-index-"));
  const configFile = join(dir, "console.config.yaml");
  writeFileSync(
    configFile,
    "clusters:\n  - name: local\n    bootstrapBrokers: [127.0.0.1:1]\nserver:\n  dataDir: state\n",
  );
  process.env.CONSOLE_CONFIG = configFile;
});

afterAll(async () => {
  await (await reload()).closeStore();
  process.env.CONSOLE_CONFIG = previousConfig;
  rmSync(dir, { recursive: true, force: true });
});

describe("getStore", () => {
  it("opens the store at server.storePath, resolved against the config file's directory", async () => {
    const store = (await reload()).getStore();
    expect(await store.users.count()).toBe(0);
    expect(existsSync(join(dir, "state", "console.db"))).toBe(true);
  });

  it("is one store per process, surviving a module reload", async () => {
    const first = (await reload()).getStore();
    await first.audit.append({ actor: "system", action: "test.reload", outcome: "success" });
    const second = (await reload()).getStore();
    expect(second).toBe(first);
  });

  it("opens again after closeStore", async () => {
    const { closeStore, getStore } = await reload();
    const before = getStore();
    await closeStore();
    await expect(before.users.count()).rejects.toThrow("the console store is closed");
    const after = getStore();
    expect(after).not.toBe(before);
    expect((await after.audit.query({ limit: 5, action: "test." })).events).toHaveLength(1);
  });

  it("startStore opens the configured store once and getStore then returns it", async () => {
    const { closeStore, getStore, startStore } = await reload();
    await closeStore();
    const started = await startStore();
    expect(await startStore()).toBe(started);
    expect(getStore()).toBe(started);
    expect((await started.audit.query({ limit: 5, action: "test." })).events).toHaveLength(1);
  });
});
