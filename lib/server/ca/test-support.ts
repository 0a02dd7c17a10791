// A CA context on a real in-memory store and a throwaway data directory, and the real tools
// (openssl, keytool) the tests check the results with.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll } from "vitest";

import { caSettingsSchema, type CaSettings } from "@/lib/schemas/config";
import { openSqliteStore } from "@/lib/server/store/sqlite/open-sqlite-store";
import type { AuditEventInput } from "@/lib/server/store/types";

import type { CaContext } from "./context";

export const defaultCaSettings = (overrides: Partial<CaSettings> = {}): CaSettings => ({
  ...caSettingsSchema(() => ({ ok: false, message: "unused" })).parse({}),
  ...overrides,
});

/** Registers cleanup for the calling test file. */
export function caTestbed() {
  const directories: string[] = [];
  const closers: (() => void)[] = [];
  afterAll(() => {
    closers.forEach((close) => close());
    directories.forEach((directory) => rmSync(directory, { recursive: true, force: true }));
  });
  const directory = () => {
    const created = mkdtempSync(join(tmpdir(), "console-ca-"));
    directories.push(created);
    return created;
  };
  const context = (
    options: {
      settings?: Partial<CaSettings>;
      clusterCertificates?: string[];
      brokerHosts?: string[];
      dataDir?: string;
    } = {},
  ) => {
    const store = openSqliteStore(":memory:");
    closers.push(() => store.close());
    const audits: AuditEventInput[] = [];
    const clock = { offsetMs: 0 };
    const caContext: CaContext = {
      store,
      settings: defaultCaSettings(options.settings),
      dataDir: options.dataDir ?? directory(),
      clusterCertificates: options.clusterCertificates ?? [],
      brokerHosts: options.brokerHosts ?? [],
      now: () => new Date(Date.now() + clock.offsetMs),
      audit: (event) => {
        audits.push(event);
        store.audit.append(event);
      },
    };
    return { context: caContext, audits, clock };
  };
  /** Writes files into a new directory and returns their paths by name. */
  const files = (contents: Record<string, string | Buffer>) => {
    const where = directory();
    return Object.fromEntries(
      Object.entries(contents).map(([name, content]) => {
        const path = join(where, name);
        writeFileSync(path, content);
        return [name, path];
      }),
    ) as Record<string, string>;
  };
  return { context, files, directory };
}

/** Runs a tool; stdout and stderr together ("verify OK" goes to either, depending on the command). */
export function run(
  command: string,
  args: string[],
  input?: string | Buffer,
): { status: number; output: string } {
  const result = spawnSync(command, args, { input, encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

export const operator = { role: "operator" as const, actor: "user:olivia" };
export const admin = { role: "admin" as const, actor: "user:admin" };
export const viewer = { role: "viewer" as const, actor: "user:victor" };
