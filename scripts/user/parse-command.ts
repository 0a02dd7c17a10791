// The command line of `npm run user`: commands, their arguments, and usage errors (exit 2).
import { parseArgs } from "node:util";

import { type Role, roleSchema, usernameSchema } from "@/lib/schemas/auth";

export const USAGE = `Usage: npm run user -- <command>

  list                              users, their roles and status
  add <username> --role <role>      create a user with a generated password, printed once
  reset-password <username>         a new generated password, printed once; ends their sessions
  set-role <username> <role>        roles: viewer, operator, admin
  disable <username>                they can no longer sign in; ends their sessions
  enable <username>
  delete <username>                 also ends their sessions

Options for add and reset-password:
  --password-stdin       read the password from standard input instead of generating one
  --no-change-required   do not make them choose a new password at first sign-in

The store is the one in the console's configuration (CONSOLE_CONFIG or ./console.config.yaml).`;

interface PasswordChoice {
  passwordFromStdin: boolean;
  mustChange: boolean;
}

export type UserCommand =
  | { name: "list" }
  | ({ name: "add"; username: string; role: Role } & PasswordChoice)
  | ({ name: "reset-password"; username: string } & PasswordChoice)
  | { name: "set-role"; username: string; role: Role }
  | { name: "disable" | "enable" | "delete"; username: string };

/** A mistake in the command line or its input; nothing was changed. */
export class UsageError extends Error {}

const POSITIONALS: Record<string, number> = {
  list: 0,
  add: 1,
  "reset-password": 1,
  "set-role": 2,
  disable: 1,
  enable: 1,
  delete: 1,
};

function parseUsername(value: string | undefined): string {
  if (value === undefined) throw new UsageError("name the user");
  const parsed = usernameSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`user name "${value}": ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function parseRole(value: string | undefined, where: string): Role {
  if (value === undefined) throw new UsageError(`give the role ${where}: viewer, operator or admin`);
  const parsed = roleSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`role "${value}" is not one of viewer, operator, admin`);
  return parsed.data;
}

/** The command, or "help"; throws UsageError (parseArgs' own errors count as usage errors too). */
export function parseCommand(argv: string[]): UserCommand | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      "no-change-required": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [name, first, second] = positionals;
  if (values.help || name === undefined || name === "help") return "help";
  const expected = POSITIONALS[name];
  if (expected === undefined) throw new UsageError(`unknown command "${name}"`);
  if (positionals.length - 1 > expected) throw new UsageError(`too many arguments for ${name}`);
  const choosesPassword = name === "add" || name === "reset-password";
  if (!choosesPassword && (values["password-stdin"] || values["no-change-required"]))
    throw new UsageError("--password-stdin and --no-change-required apply to add and reset-password only");
  if (values.role !== undefined && name !== "add")
    throw new UsageError(
      name === "set-role"
        ? "give the role as an argument: set-role <username> <role>"
        : "--role applies to add only",
    );

  const password = { passwordFromStdin: values["password-stdin"], mustChange: !values["no-change-required"] };
  switch (name) {
    case "add":
      return {
        name,
        username: parseUsername(first),
        role: parseRole(values.role, "with --role"),
        ...password,
      };
    case "reset-password":
      return { name, username: parseUsername(first), ...password };
    case "set-role":
      return { name, username: parseUsername(first), role: parseRole(second, "after the user name") };
    case "disable":
    case "enable":
    case "delete":
      return { name, username: parseUsername(first) };
    default:
      return { name: "list" };
  }
}
