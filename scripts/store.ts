// npm run store -- migrate --from sqlite:<path> --to postgres:<url> – move the console's state from
// its SQLite file to a PostgreSQL database that several replicas can share.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { copySqliteToPostgres, MigrationRefusal } from "@/lib/server/store/copy/copy-sqlite-to-postgres";

import { parseCommand, USAGE, UsageError } from "./store/parse-command";

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export interface StoreCliIo {
  out(line: string): void;
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

export async function runStoreCli(argv: string[], io: StoreCliIo): Promise<number> {
  let command: ReturnType<typeof parseCommand>;
  try {
    command = parseCommand(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`store: ${error.message}\nRun \`npm run store -- help\` for the usage.`);
    return EXIT.usage;
  }
  if (command === "help") {
    io.out(USAGE);
    return EXIT.ok;
  }
  const { host, port, database, user } = command.target;
  io.out(`Copying ${resolve(command.sqlitePath)} into postgres://${user}@${host}:${port}/${database} …`);
  try {
    const counts = await copySqliteToPostgres(command.sqlitePath, command.target);
    const width = Math.max(...counts.map(({ table }) => table.length));
    for (const { table, rows } of counts) io.out(`  ${table.padEnd(width)}  ${rows}`);
    io.out(
      `Copied ${counts.reduce((sum, { rows }) => sum + rows, 0)} rows. Now set server.store to this database.`,
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof MigrationRefusal)) throw error;
    io.err(`store migrate: ${error.message}`);
    return EXIT.refused;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runStoreCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  }).then(
    (status) => process.exit(status),
    (error: unknown) => {
      // A connection or database failure: its message, not a stack trace.
      process.stderr.write(`store migrate: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(EXIT.refused);
    },
  );
}
