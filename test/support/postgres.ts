// A throwaway real PostgreSQL for one test file: initdb into a temp dir, pg_ctl start on a free
// loopback port with its socket in the same dir, fsync off. ~2 s to start: one cluster per file, a
// fresh database per test (createDatabase).
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
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
  /** With `tls: true`: the CA that signed the server's certificate (SAN IP 127.0.0.1), PEM. */
  caPem?: string;
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

/** A CA and a server certificate for 127.0.0.1 signed by it, made with openssl in dir. */
function serverCertificate(dir: string): { caPem: string; settings: string } {
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const subject = (cn: string) => ["-subj", `/CN=${cn}`];
  openssl(
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-days",
    "2",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    ...subject("console-test-ca"),
  );
  openssl(
    "req",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-keyout",
    "server.key",
    "-out",
    "server.csr",
    ...subject("127.0.0.1"),
  );
  writeFileSync(join(dir, "server.ext"), "subjectAltName = IP:127.0.0.1\n");
  openssl(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "server.ext",
    "-out",
    "server.pem",
  );
  // PostgreSQL refuses a key file others can read; it runs as the directory's owner.
  chmodSync(join(dir, "server.key"), 0o600);
  if (process.getuid?.() === 0) chownSync(join(dir, "server.key"), ...ownerOf(dir));
  return {
    caPem: readFileSync(join(dir, "ca.pem"), "utf8"),
    settings: `-c ssl=on -c ssl_cert_file=${join(dir, "server.pem")} -c ssl_key_file=${join(dir, "server.key")}`,
  };
}

export async function startTestPostgres(options: { tls?: boolean } = {}): Promise<TestPostgres> {
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

  const tls = options.tls ? serverCertificate(dir) : undefined;

  let port = 0;
  // A free port can be taken between the check and the start: try again with another.
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    const settings = [
      `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir}`,
      "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
      tls?.settings ?? "",
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
    ...(tls && { caPem: tls.caPem }),
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
