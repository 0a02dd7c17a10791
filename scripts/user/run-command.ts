// Carries out one `npm run user` command on the store. Each change and its audit record share one
// transaction; refusals (unknown user, name taken, last admin) are audited as failures.
import { newPasswordSchema } from "@/lib/schemas/auth";
import { removesLastAdmin } from "@/lib/server/auth/admin-rules";
import { hashPassword } from "@/lib/server/auth/password";
import { userActor } from "@/lib/server/auth/principal-types";
import { randomPassword } from "@/lib/server/auth/random-password";
import type { ConsoleStore, UserRecord } from "@/lib/server/store";

import { type UserCommand, UsageError } from "./parse-command";

export const CLI_ACTOR = "system (cli)";

export interface CommandIo {
  readStdin(): Promise<string>;
  out(line: string): void;
}

/** Refused with a reason the operator can act on; audited as a failure, exit status 1. */
export class Refusal extends Error {}

type Details = Record<string, string | number | boolean | null>;
type Change = Exclude<UserCommand, { name: "list" }>;

const AUDIT_ACTIONS: Record<Change["name"], string> = {
  add: "user.create",
  "reset-password": "user.reset-password",
  "set-role": "user.set-role",
  disable: "user.disable",
  enable: "user.enable",
  delete: "user.delete",
};

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

async function requireUser(store: ConsoleStore, username: string): Promise<UserRecord> {
  const user = await store.users.findByUsername(username);
  if (!user) throw new Refusal(`there is no user named ${username} (see: npm run user -- list)`);
  return user;
}

async function refuseLastAdmin(
  store: ConsoleStore,
  user: UserRecord,
  change: Parameters<typeof removesLastAdmin>[2],
) {
  if (removesLastAdmin(await store.users.list(), user.id, change))
    throw new Refusal(`${user.username} is the last enabled admin; make another user admin first`);
}

/** A generated password, or one from standard input held to the same rules as the password form. */
async function choosePassword(command: { passwordFromStdin: boolean }, io: CommandIo) {
  if (!command.passwordFromStdin) return { password: randomPassword(), generated: true };
  // `echo` and here-strings add one newline that is not part of the password.
  const password = (await io.readStdin()).replace(/\r?\n$/, "");
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success)
    throw new UsageError(`the password from standard input: ${parsed.error.issues[0]?.message}`);
  return { password, generated: false };
}

function printPassword(io: CommandIo, username: string, password: string, mustChange: boolean) {
  const then = mustChange ? `; ${username} must choose a new one at first sign-in` : "";
  io.out(`Password (shown only now${then}):\n\n  ${password}\n`);
}

export async function listUsers(store: ConsoleStore, io: CommandIo): Promise<void> {
  const users = await store.users.list();
  if (users.length === 0) {
    io.out("No users yet. Add one: npm run user -- add <username> --role admin");
    return;
  }
  const status = (user: UserRecord) =>
    user.disabledAt ? "disabled" : user.mustChangePassword ? "must change password" : "active";
  const table = [
    ["USERNAME", "ROLE", "STATUS", "LAST SIGN-IN"],
    ...users.map((user) => [user.username, user.role, status(user), user.lastSignInAt ?? "never"]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table)
    io.out(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    );
}

/** Applies the change; returns what to print. Throws Refusal or UsageError without changing anything. */
async function applyChange(
  command: Change,
  store: ConsoleStore,
  io: CommandIo,
  /** Records the success inside the change's transaction: pass its store. */
  audit: (tx: ConsoleStore, details: Details) => Promise<unknown>,
) {
  switch (command.name) {
    case "add": {
      const { password, generated } = await choosePassword(command, io);
      const passwordHash = await hashPassword(password);
      await store.transaction(async (tx) => {
        if (await tx.users.findByUsername(command.username))
          throw new Refusal(`a user named ${command.username} already exists`);
        const { role, mustChange } = command;
        await tx.users.create({
          username: command.username,
          role,
          passwordHash,
          mustChangePassword: mustChange,
        });
        await audit(tx, { role, mustChangePassword: mustChange });
      });
      io.out(`Created ${command.username} (${command.role}).`);
      if (generated) printPassword(io, command.username, password, command.mustChange);
      return;
    }
    case "reset-password": {
      await requireUser(store, command.username);
      const { password, generated } = await choosePassword(command, io);
      const passwordHash = await hashPassword(password);
      const ended = await store.transaction(async (tx) => {
        const user = await requireUser(tx, command.username);
        await tx.users.update(user.id, { passwordHash, mustChangePassword: command.mustChange });
        const sessionsEnded = await tx.sessions.deleteForUser(user.id);
        await audit(tx, { mustChangePassword: command.mustChange, sessionsEnded });
        return sessionsEnded;
      });
      io.out(`New password set for ${command.username}; ${plural(ended, "session")} ended.`);
      if (generated) printPassword(io, command.username, password, command.mustChange);
      return;
    }
    case "set-role":
      return io.out(
        await store.transaction(async (tx) => {
          const user = await requireUser(tx, command.username);
          if (user.role === command.role) return `${user.username} is already ${user.role}.`;
          await refuseLastAdmin(tx, user, { role: command.role });
          await tx.users.update(user.id, { role: command.role });
          await audit(tx, { from: user.role, to: command.role });
          return `${user.username} is now ${command.role} (was ${user.role}).`;
        }),
      );
    case "disable":
    case "enable": {
      const disable = command.name === "disable";
      return io.out(
        await store.transaction(async (tx) => {
          const user = await requireUser(tx, command.username);
          if ((user.disabledAt !== null) === disable) return `${user.username} is already ${command.name}d.`;
          await refuseLastAdmin(tx, user, { disabled: disable });
          await tx.users.update(user.id, { disabledAt: disable ? new Date().toISOString() : null });
          const sessionsEnded = disable ? await tx.sessions.deleteForUser(user.id) : 0;
          await audit(tx, { sessionsEnded });
          return disable
            ? `Disabled ${user.username}; ${plural(sessionsEnded, "session")} ended.`
            : `Enabled ${user.username}.`;
        }),
      );
    }
    case "delete":
      return io.out(
        await store.transaction(async (tx) => {
          const user = await requireUser(tx, command.username);
          await refuseLastAdmin(tx, user, { deleted: true });
          const sessionsEnded = await tx.sessions.deleteForUser(user.id);
          await tx.users.delete(user.id);
          await audit(tx, { role: user.role, sessionsEnded });
          return `Deleted ${user.username}; ${plural(sessionsEnded, "session")} ended.`;
        }),
      );
  }
}

/** Runs a change with its audit records: success inside the change's transaction, a refusal after it. */
export async function runChange(command: Change, store: ConsoleStore, io: CommandIo): Promise<void> {
  const event = {
    actor: CLI_ACTOR,
    action: AUDIT_ACTIONS[command.name],
    target: userActor(command.username),
  };
  try {
    await applyChange(command, store, io, (tx, details) =>
      tx.audit.append({ ...event, outcome: "success", details }),
    );
  } catch (error) {
    if (error instanceof Refusal)
      await store.audit.append({ ...event, outcome: "failure", details: { reason: error.message } });
    throw error;
  }
}
