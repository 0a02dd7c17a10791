// npm run store -- <command>: the command line, parsed without touching any database.
import { parsePostgresUrl, type PostgresConnection } from "@/lib/schemas/store-config";

export const USAGE = `npm run store -- migrate --from sqlite:<path> --to postgres:<url>

  Copies everything in the console's SQLite store (users, sessions, API tokens, the audit trail with
  its ids and times, the CA, certificates and CRLs, lag and throughput history) into an empty
  PostgreSQL database, creating its tables first. Stop the console before, point server.store at
  PostgreSQL after. The SQLite file is only read.

  --from sqlite:<path>    the SQLite file (server.storePath, by default <dataDir>/console.db)
  --to postgres:<url>     postgres://user@host:port/database (?sslmode=require|verify-ca|verify-full);
                          without a password in the URL, PGPASSWORD is used

Exit status: 0 copied, 1 refused (the target holds data, the file is missing), 2 usage error.`;

export class UsageError extends Error {}

export interface MigrateCommand {
  name: "migrate";
  sqlitePath: string;
  target: PostgresConnection;
}

function option(argv: string[], name: string): string {
  const index = argv.indexOf(name);
  const value = index >= 0 ? argv[index + 1] : undefined;
  if (value === undefined || value.startsWith("--")) throw new UsageError(`${name} is missing`);
  return value;
}

/** "postgres:postgres://…" as the usage writes it, or the URL alone. */
function targetUrl(value: string): string {
  if (/^postgres:postgres(ql)?:\/\//.test(value)) return value.slice("postgres:".length);
  if (/^postgres(ql)?:\/\//.test(value)) return value;
  throw new UsageError(
    "--to must be postgres:<url>, e.g. postgres:postgres://console@db.example.com/console",
  );
}

export function parseCommand(
  argv: string[],
  env: Readonly<Record<string, string | undefined>>,
): MigrateCommand | "help" {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help") return "help";
  if (name !== "migrate") throw new UsageError(`unknown command "${name}"`);
  const known = new Set(["--from", "--to"]);
  const unknown = rest.filter(
    (argument, index) => argument.startsWith("--") && !known.has(argument) && index % 2 === 0,
  );
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(", ")}`);
  const from = option(rest, "--from");
  if (!from.startsWith("sqlite:") || from.length === "sqlite:".length)
    throw new UsageError("--from must be sqlite:<path>, e.g. sqlite:.local/console/console.db");
  const parsed = parsePostgresUrl(targetUrl(option(rest, "--to")));
  if (!parsed.ok) throw new UsageError(`--to ${parsed.message}`);
  const password = parsed.parts.password ?? env.PGPASSWORD;
  return {
    name: "migrate",
    sqlitePath: from.slice("sqlite:".length),
    target: { ...parsed.parts, ...(password !== undefined && { password }), pool: { max: 1 } },
  };
}
