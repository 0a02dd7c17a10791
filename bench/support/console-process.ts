// The console as `npm start` runs it (the production build in .next, server.mjs, the runtime
// settings of scripts/server-runtime.ts) in a process of its own, on a broker's configuration, with
// an API token added to its store: what a REST client outside would talk to.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";

import type { Role } from "../../lib/schemas/auth";
import { generateTokenSecret, hashTokenSecret } from "../../lib/server/auth/token-credentials";
import { newApiTokenId } from "../../lib/server/store/ids";
import { SERVER_EXEC_ARGV, serverEnvironment } from "../../scripts/server-runtime";
import { freePort } from "../../test/support/free-port";
import { processCpuSeconds, processRssMB } from "./peer-console";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUILD_ID = join(ROOT, ".next", "BUILD_ID");
/** Never echoed: the first start prints the first admin's password. */
const FIRST_ADMIN = /Created the first user "admin" with password: \S+/;

export interface ConsoleProcess {
  baseUrl: string;
  pid: number;
  rssMB(): number;
  cpuSeconds(): number;
  close(): Promise<void>;
}

/** What `next build` reads: a build older than the newest of these is of other code. */
const BUILD_SOURCE_DIRS = ["app", "lib", "components"];
const BUILD_SOURCE_FILES = [
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
/** Source files in those directories; tests are left out (they are not built). */
const BUILT_FILE = /(?<!\.test)\.(ts|tsx|js|mjs|css)$/;

/** The newest modification time (ms) among the build's sources. */
export function newestSourceMs(root = ROOT): number {
  const times = BUILD_SOURCE_FILES.map((file) => join(root, file))
    .filter((path) => existsSync(path))
    .map((path) => statSync(path).mtimeMs);
  for (const dir of BUILD_SOURCE_DIRS) {
    const files = readdirSync(join(root, dir), { recursive: true, encoding: "utf8" });
    for (const file of files) if (BUILT_FILE.test(file)) times.push(statSync(join(root, dir, file)).mtimeMs);
  }
  return Math.max(0, ...times);
}

/** The production build of the current sources: `next build` (a minute or two) when there is none or it is older. */
export function ensureProductionBuild(): string {
  const reason = !existsSync(BUILD_ID)
    ? "no production build in .next"
    : statSync(BUILD_ID).mtimeMs < newestSourceMs()
      ? "the production build in .next is older than the sources"
      : null;
  if (reason) {
    console.log(`${reason}: running next build`);
    const built = spawnSync(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: "inherit",
    });
    if (built.status !== 0) throw new Error(`next build failed (${built.status})`);
  }
  const age = (Date.now() - statSync(BUILD_ID).mtimeMs) / 60_000;
  return `production build of ${age.toFixed(0)} min ago${reason ? ` (built now: ${reason})` : ", newer than every source"}`;
}

/**
 * A token of the role in the running console's store, as the tokens page makes one (the secret's
 * SHA-256 kept): answers HTTP Basic `id:secret`, as REST Proxy clients send. One row in plain SQL,
 * after the console opened the store: this tree's store code may be at a newer schema than the
 * build's, and opening the store through it would migrate the file under the running console.
 */
export function createBenchToken(storePath: string, role: Role): string {
  const db = new DatabaseSync(storePath);
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    const [id, secret] = [newApiTokenId(), generateTokenSecret()];
    db.prepare(
      "INSERT INTO api_tokens (id, name, role, secret_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, NULL)",
    ).run(id, `bench ${role}`, role, hashTokenSecret(secret), "system (bench)", new Date().toISOString());
    return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
  } finally {
    db.close();
  }
}

/** Audit entries of an action on a target in the console's store (read-only): how a call was recorded. */
export function countAuditEntries(storePath: string, action: string, target: string): number {
  const db = new DatabaseSync(storePath, { readOnly: true });
  try {
    const row = db
      .prepare("SELECT count(*) AS entries FROM audit_events WHERE action = ? AND target = ?")
      .get(action, target) as { entries: number };
    return row.entries;
  } finally {
    db.close();
  }
}

/** `node server.mjs` with CONSOLE_CONFIG; resolves once it answers HTTP. BENCH_CPU_PROFILE=<dir> profiles it. */
export async function startConsoleProcess(
  configPath: string,
  /** More environment, e.g. CONSOLE__SERVER__DATA_DIR for a store of its own. */
  extraEnv: Record<string, string> = {},
): Promise<ConsoleProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const profileDir = process.env.BENCH_CPU_PROFILE;
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const env = serverEnvironment({
    ...process.env,
    NODE_OPTIONS: "",
    CONSOLE_CONFIG: configPath,
    NODE_ENV: "production" as const,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    ...extraEnv,
  });
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, ...profile, join(ROOT, "server.mjs")], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the console exited (${child.exitCode}): ${output.replace(FIRST_ADMIN, "")}`);
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error("the console did not answer within 120 s");
    }
    const up = await fetch(`${baseUrl}/login`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const pid = child.pid!;
  return {
    baseUrl,
    pid,
    rssMB: () => processRssMB(pid),
    cpuSeconds: () => processCpuSeconds(pid),
    close: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await gone;
      if (profileDir) console.log(`console CPU profile written to ${profileDir}`);
    },
  };
}
