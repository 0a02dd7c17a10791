// The reference for raw speed: kcat (librdkafka) reading the whole topic once, or writing records.
import { spawn } from "node:child_process";

import type { LocalCluster } from "./local-cluster";

/** What kcat needs of a cluster: where it is and the console's identity (PEM files). */
export type KcatTarget = Pick<LocalCluster, "bootstrap" | "pem">;

const tlsArgs = (cluster: KcatTarget) => [
  ...["-X", "security.protocol=ssl", "-X", `ssl.ca.location=${cluster.pem.ca}`],
  ...["-X", `ssl.certificate.location=${cluster.pem.cert}`, "-X", `ssl.key.location=${cluster.pem.key}`],
];

export interface KcatRun {
  seconds: number;
  /** Messages kcat printed, when counted (the check run prints offsets only). */
  messages?: number;
}

/**
 * `kcat -C -e -o beginning` with the console's identity. Timed runs discard the values (stdout to
 * /dev/null); a counting run prints one offset per line so the count proves kcat read everything.
 */
export async function kcatConsume(cluster: KcatTarget, topic: string, count = false): Promise<KcatRun> {
  const args = [
    ...["-C", "-e", "-q", "-o", "beginning", "-b", cluster.bootstrap, "-t", topic],
    ...tlsArgs(cluster),
    ...(count ? ["-f", "%o\\n"] : []),
  ];
  const began = performance.now();
  let messages = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn("kcat", args, { stdio: ["ignore", count ? "pipe" : "ignore", "pipe"] });
    let errors = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) messages++;
    });
    child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`kcat exited with ${code}: ${errors.trim().slice(0, 500)}`)),
    );
  });
  return { seconds: (performance.now() - began) / 1000, ...(count ? { messages } : {}) };
}

/**
 * `kcat -P`: one record per line of `lines` (acks=all, librdkafka's default), timed from the start
 * of the process to its exit, which waits for every delivery.
 */
export async function kcatProduce(
  cluster: KcatTarget,
  topic: string,
  lines: Iterable<string>,
): Promise<KcatRun> {
  const args = ["-P", "-q", "-b", cluster.bootstrap, "-t", topic, "-X", "acks=all", ...tlsArgs(cluster)];
  const began = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn("kcat", args, { stdio: ["pipe", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`kcat exited with ${code}: ${errors.trim().slice(0, 500)}`)),
    );
    void (async () => {
      for (const line of lines)
        if (!child.stdin.write(`${line}\n`))
          await new Promise((drained) => child.stdin.once("drain", drained));
      child.stdin.end();
    })().catch(reject);
  });
  return { seconds: (performance.now() - began) / 1000 };
}
