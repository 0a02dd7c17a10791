// A throwaway real PostgreSQL for one test file: initdb into a temp dir, pg_ctl start on a free
// loopback port with its socket in the same dir, fsync off. ~2 s to start: one cluster per file, a
// fresh database per test (createDatabase).
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";

import { freePort } from "./free-port";

export interface TestPostgres {
  /** postgres://… of the cluster's first database (`console`), with the superuser's password. */
  url: string;
  port: number;
  user: string;
  password: string;
  /** A new empty database on the cluster; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

const USER = "console";
const PASSWORD = "console-test-password";
let databases = 0;

/** Debian puts the server binaries outside PATH: pg_config knows where, else the newest version dir. */
export function postgresBinDir(): string {
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    if (existsSync(join(dir, "initdb"))) return dir;
  } catch {
    // No pg_config (no libpq-dev): look for the versioned directories.
  }
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error("PostgreSQL's initdb was not found: install Debian's postgresql (.ci/run does)");
  return join(root, versions[0]!, "bin");
}

/** initdb refuses to run as root: then the binaries run as the postgres system user. */
function postgresRunner(dir: string): (binary: string, args: string[]) => void {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  return (binary, args) => {
    const command = asRoot ? "runuser" : join(bin, binary);
    const argv = asRoot ? ["-u", "postgres", "--", join(bin, binary), ...args] : args;
    const result = spawnSync(command, argv, { encoding: "utf8", timeout: 120_000 });
    if (result.status !== 0)
      throw new Error(
        `${binary} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
      );
  };
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "kafka-console-postgres-"));
  chmodSync(dir, 0o700);
  const data = join(dir, "data");
  const run = postgresRunner(dir);
  const passwordFile = join(dir, "password");
  writeFileSync(passwordFile, PASSWORD, { mode: 0o644 });
  if (process.getuid?.() === 0) chownSync(passwordFile, ...ownerOf(dir));
  run("initdb", [
    "-D",
    data,
    "-U",
    USER,
    `--pwfile=${passwordFile}`,
    "--auth-local=trust",
    "--auth-host=scram-sha-256",
    "--encoding=UTF8",
    "--no-locale",
    "--no-sync",
  ]);

  let port = 0;
  // A free port can be taken between the check and the start: try again with another.
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    const settings = [
      `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir}`,
      "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
    ].join(" ");
    try {
      run("pg_ctl", ["start", "-D", data, "-w", "-t", "60", "-l", join(dir, "postgres.log"), "-o", settings]);
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }

  const stopNow = () => {
    try {
      run("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]);
    } catch {
      // Already stopped.
    }
  };
  // A crashed test run must not leave a server behind.
  process.once("exit", stopNow);

  const urlOf = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: urlOf("postgres") });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const createDatabase = async (name = `test_${process.pid}_${(databases += 1)}`) => {
    await admin((client) => client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`));
    return urlOf(name);
  };
  const url = await createDatabase("console");

  return {
    url,
    port,
    user: USER,
    password: PASSWORD,
    createDatabase,
    stop: async () => {
      stopNow();
      process.removeListener("exit", stopNow);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function ownerOf(path: string): [number, number] {
  const [uid, gid] = execFileSync("stat", ["-c", "%u %g", path], { encoding: "utf8" }).trim().split(" ");
  return [Number(uid), Number(gid)];
}
