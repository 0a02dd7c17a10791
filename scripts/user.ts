// npm run user -- <command> – manage the console's local users from a shell on the server.
// Opens the store of the console's configuration; every change is audited as "system (cli)".
import { fileURLToPath } from "node:url";

import { formatConfigProblems, loadConfig } from "@/lib/server/config";
import { type ConsoleStore, openConfiguredStore } from "@/lib/server/store";

import { parseCommand, USAGE, type UserCommand, UsageError } from "./user/parse-command";
import { type CommandIo, listUsers, Refusal, runChange } from "./user/run-command";

export const EXIT = { ok: 0, refused: 1, usage: 2, config: 78 } as const;

export interface CliContext extends CommandIo {
  /** The console's store; throws CliExit when it cannot be had (problems already printed). */
  openStore(): Promise<ConsoleStore>;
  err(line: string): void;
}

/** Ends the command with this status; the reason is already printed. */
export class CliExit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

const HELP_HINT = "Run `npm run user -- help` for the commands.";

/** The whole command line: parse, run against the store, close it. Returns the exit status. */
export async function runUserCli(argv: string[], context: CliContext): Promise<number> {
  let command: UserCommand | "help";
  try {
    command = parseCommand(argv);
  } catch (error) {
    context.err(`user: ${error instanceof Error ? error.message : String(error)}\n${HELP_HINT}`);
    return EXIT.usage;
  }
  if (command === "help") {
    context.out(USAGE);
    return EXIT.ok;
  }
  let store: ConsoleStore | undefined;
  try {
    store = await context.openStore();
    if (command.name === "list") await listUsers(store, context);
    else await runChange(command, store, context);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliExit) return error.status;
    if (!(error instanceof UsageError || error instanceof Refusal)) throw error;
    context.err(`user ${command.name}: ${error.message}`);
    return error instanceof UsageError ? EXIT.usage : EXIT.refused;
  } finally {
    await store?.close();
  }
}

/** The configured store, or exit 78 with every configuration problem, as the server would. */
async function openCliStore(): Promise<ConsoleStore> {
  const config = loadConfig();
  if (!config.ok) {
    process.stderr.write(`${formatConfigProblems(config)}\n`);
    throw new CliExit(EXIT.config);
  }
  const { storePath } = config.config.server;
  try {
    return await openConfiguredStore();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot open the console's store at ${storePath}: ${reason}`, { cause: error });
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Type the password, then Enter and Ctrl-D:\n");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const context: CliContext = {
    openStore: openCliStore,
    readStdin,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  runUserCli(process.argv.slice(2), context).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`user: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
