// npm run user against a real store in a temp dir; one run through tsx checks the wiring to the config.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { verifyPassword } from "@/lib/server/auth/password";
import { type ConsoleStore, openStore } from "@/lib/server/store";

import { runUserCli } from "./user";

const directories: string[] = [];
afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function tempDir(): string {
  const directory = mkdtempSync(join(tmpdir(), "console-user-cli-"));
  directories.push(directory);
  return directory;
}

/** A CLI bound to a fresh store; `run` returns the exit status and what was printed. */
function cli() {
  const path = join(tempDir(), "console.db");
  let opened = 0;
  const run = async (argv: string[], stdin = "") => {
    const out: string[] = [];
    const err: string[] = [];
    const status = await runUserCli(argv, {
      openStore: async () => {
        opened += 1;
        return openStore(path);
      },
      readStdin: async () => stdin,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { status, out: out.join("\n"), err: err.join("\n") };
  };
  const inspect = async <T>(read: (store: ConsoleStore) => Promise<T>): Promise<T> => {
    const store = openStore(path);
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  };
  return { run, inspect, opened: () => opened };
}

const session = (userId: string) => ({
  userId,
  createdAt: "2025-03-01T10:00:00.000Z",
  lastSeenAt: "2025-03-01T10:00:00.000Z",
  expiresAt: "2099-01-01T00:00:00.000Z",
  clientAddress: null,
  userAgent: null,
});

describe("npm run user", () => {
  it("adds a user with a generated password shown once, to be changed at first sign-in", async () => {
    const { run, inspect } = cli();
    const result = await run(["add", "alice", "--role", "operator"]);
    expect(result.status).toBe(0);
    const password = /^ {2}(\S+)$/m.exec(result.out)?.[1] ?? "";
    const user = (await inspect((store) => store.users.findByUsername("alice")))!;
    expect(user).toMatchObject({ role: "operator", mustChangePassword: true });
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);
    const [event] = await inspect(async (store) => (await store.audit.query({ limit: 5 })).events);
    expect(event).toMatchObject({
      actor: "system (cli)",
      action: "user.create",
      target: "user:alice",
      outcome: "success",
      details: { role: "operator", mustChangePassword: true },
    });
    expect(JSON.stringify(event)).not.toContain(password);
  });

  it("takes the password from standard input, and can skip the forced change", async () => {
    const { run, inspect } = cli();
    const password = "correct horse battery staple";
    const result = await run(
      ["add", "bob", "--role", "viewer", "--password-stdin", "--no-change-required"],
      `${password}\n`,
    );
    expect(result).toMatchObject({ status: 0, out: "Created bob (viewer)." });
    const user = (await inspect((store) => store.users.findByUsername("bob")))!;
    expect(user.mustChangePassword).toBe(false);
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);

    const short = await run(["add", "carol", "--role", "viewer", "--password-stdin"], "short\n");
    expect(short).toMatchObject({
      status: 2,
      err: "user add: the password from standard input: At least 12 characters",
    });
    expect(await inspect((store) => store.users.findByUsername("carol"))).toBeUndefined();
  });

  it("refuses a taken name, and audits the refusal", async () => {
    const { run, inspect } = cli();
    await run(["add", "alice", "--role", "admin"]);
    expect(await run(["add", "alice", "--role", "viewer"])).toMatchObject({
      status: 1,
      err: "user add: a user named alice already exists",
    });
    expect((await inspect((store) => store.users.findByUsername("alice")))?.role).toBe("admin");
    expect(await inspect(async (store) => (await store.audit.query({ limit: 1 })).events[0])).toMatchObject({
      action: "user.create",
      outcome: "failure",
      details: { reason: "a user named alice already exists" },
    });
  });

  it("resets a password: a new one, a forced change, and their sessions ended", async () => {
    const { run, inspect } = cli();
    await run(
      ["add", "alice", "--role", "admin", "--password-stdin", "--no-change-required"],
      "the-old-password",
    );
    await inspect(async (store) => {
      const alice = (await store.users.findByUsername("alice"))!;
      for (let count = 0; count < 2; count++) await store.sessions.create(session(alice.id));
    });
    const result = await run(["reset-password", "alice"]);
    expect(result.out).toContain("New password set for alice; 2 sessions ended.");
    const password = /^ {2}(\S+)$/m.exec(result.out)?.[1] ?? "";
    const alice = (await inspect((store) => store.users.findByUsername("alice")))!;
    expect(alice.mustChangePassword).toBe(true);
    expect(await verifyPassword(password, alice.passwordHash)).toBe(true);
    expect(await verifyPassword("the-old-password", alice.passwordHash)).toBe(false);
    expect(await inspect((store) => store.sessions.deleteForUser(alice.id))).toBe(0);
  });

  it("never demotes, disables or deletes the last enabled admin", async () => {
    const { run, inspect } = cli();
    await run(["add", "alice", "--role", "admin"]);
    for (const argv of [
      ["set-role", "alice", "operator"],
      ["disable", "alice"],
      ["delete", "alice"],
    ]) {
      const result = await run(argv);
      expect(result).toMatchObject({
        status: 1,
        err: expect.stringContaining("alice is the last enabled admin"),
      });
    }
    expect(await inspect((store) => store.users.findByUsername("alice"))).toMatchObject({
      role: "admin",
      disabledAt: null,
    });
    const outcomes = await inspect(
      async (store) => (await store.audit.query({ limit: 10, outcome: "failure" })).events,
    );
    expect(outcomes.map(({ action }) => action)).toEqual(["user.delete", "user.disable", "user.set-role"]);

    await run(["add", "bob", "--role", "viewer"]);
    expect((await run(["set-role", "bob", "admin"])).out).toBe("bob is now admin (was viewer).");
    expect((await run(["set-role", "alice", "viewer"])).status).toBe(0);
    expect((await run(["disable", "bob"])).status).toBe(1);
  });

  it("disables (ending sessions), enables, deletes and lists", async () => {
    const { run, inspect } = cli();
    await run(["add", "root", "--role", "admin"]);
    await run(["add", "alice", "--role", "viewer"]);
    await inspect(
      async (store) => await store.sessions.create(session((await store.users.findByUsername("alice"))!.id)),
    );
    expect((await run(["disable", "alice"])).out).toBe("Disabled alice; 1 session ended.");
    expect((await run(["disable", "alice"])).out).toBe("alice is already disabled.");
    const listed = (await run(["list"])).out.split("\n");
    expect(listed).toEqual([
      "USERNAME  ROLE    STATUS                LAST SIGN-IN",
      "alice     viewer  disabled              never",
      "root      admin   must change password  never",
    ]);
    expect((await run(["enable", "alice"])).out).toBe("Enabled alice.");
    expect((await run(["delete", "alice"])).out).toBe("Deleted alice; 0 sessions ended.");
    expect(await run(["delete", "alice"])).toMatchObject({
      status: 1,
      err: "user delete: there is no user named alice (see: npm run user -- list)",
    });
    const actions = await inspect(
      async (store) => (await store.audit.query({ limit: 20, target: "user:alice" })).events,
    );
    expect(actions.map(({ action, outcome }) => `${action} ${outcome}`)).toEqual([
      "user.delete failure",
      "user.delete success",
      "user.enable success",
      "user.disable success",
      "user.create success",
    ]);
  });

  it.each([
    [["add", "alice"], "user: give the role with --role: viewer, operator or admin"],
    [["add", "Alice", "--role", "admin"], `user: user name "Alice": Lower-case letters`],
    [["set-role", "alice", "root"], 'user: role "root" is not one of viewer, operator, admin'],
    [
      ["set-role", "alice", "--role", "admin"],
      "user: give the role as an argument: set-role <username> <role>",
    ],
    [["list", "alice"], "user: too many arguments for list"],
    [["disable", "alice", "--password-stdin"], "user: --password-stdin and --no-change-required apply to"],
    [["promote", "alice"], 'user: unknown command "promote"'],
    [["add", "alice", "--rol", "admin"], "user: Unknown option '--rol'"],
  ])("answers %j with a usage error (2) and leaves the store alone", async (argv, message) => {
    const { run, opened } = cli();
    const result = await run(argv);
    expect(result.status).toBe(2);
    expect(result.err.startsWith(message)).toBe(true);
    expect(result.err).toContain("npm run user -- help");
    expect(opened()).toBe(0);
  });
});

describe("scripts/user.ts as a command", () => {
  const TSX = join("node_modules", "tsx", "dist", "cli.mjs");
  const runScript = (args: string[], configFile: string) =>
    // This Node (the project's), running tsx as `npm run user` does.
    spawnSync(process.execPath, [TSX, "--conditions=react-server", "scripts/user.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, CONSOLE_CONFIG: configFile },
    });

  it("uses the configured store, and exits 78 with every problem when the configuration is invalid", async () => {
    const directory = tempDir();
    const configFile = join(directory, "console.config.yaml");
    writeFileSync(
      configFile,
      "clusters:\n  - name: local\n    bootstrapBrokers: [127.0.0.1:1]\nserver: { dataDir: state }\n",
    );
    const added = runScript(["add", "alice", "--role", "admin"], configFile);
    expect(added.status).toBe(0);
    expect(added.stderr).toBe("");
    const store = openStore(join(directory, "state", "console.db"));
    expect((await store.users.list()).map(({ username }) => username)).toEqual(["alice"]);
    await store.close();

    writeFileSync(configFile, "clusters: []\nserver: { dataDr: state }\n");
    const invalid = runScript(["list"], configFile);
    expect(invalid.status).toBe(78);
    expect(invalid.stderr).toContain("clusters: configure at least one cluster");
    expect(invalid.stderr).toContain("server.dataDr: unknown key");
  });
});
