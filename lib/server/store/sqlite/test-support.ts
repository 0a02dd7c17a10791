// Real SQLite files in throwaway directories: the store under test is the component itself.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll } from "vitest";

import type { ConsoleStore } from "../types";
import { openSqliteStore } from "./open-sqlite-store";

/** A clock the test moves by hand. */
export function manualClock(start = "2025-03-01T10:00:00.000Z") {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** Registers cleanup for the calling test file; returns a factory of store paths and opened stores. */
export function tempStores() {
  const directories: string[] = [];
  const stores: ConsoleStore[] = [];
  afterAll(() => {
    stores.forEach((store) => store.close());
    directories.forEach((directory) => rmSync(directory, { recursive: true, force: true }));
  });
  const path = () => {
    const directory = mkdtempSync(join(tmpdir(), "console-store-"));
    directories.push(directory);
    return join(directory, "state", "console.db");
  };
  const open = (storePath = path(), clock = manualClock()) => {
    const store = openSqliteStore(storePath, { clock: clock.now });
    stores.push(store);
    return { store, path: storePath, clock };
  };
  return { path, open };
}
