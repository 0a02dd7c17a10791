// The Java programs under test/integration/java (kafka-clients' KIP-848 and share consumers), run from
// source with the broker's jars as a client identity, and read by the lines they print.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { JARS as BROKER_JARS } from "../../scripts/cluster/broker";
import type { TestBroker } from "./broker";

/** A Java program from test/integration/java, run from source with the broker's jars, as the app's identity. */
export function startJava(
  broker: TestBroker,
  identity: { cert: string; key: string },
  program: string,
  args: string[],
): ChildProcessWithoutNullStreams {
  const dir = mkdtempSync(join(broker.dir, "java-"));
  const files = { ca: join(dir, "ca.pem"), cert: join(dir, "cert.pem"), key: join(dir, "key.pem") };
  writeFileSync(files.ca, broker.ca);
  writeFileSync(files.cert, identity.cert);
  writeFileSync(files.key, identity.key);
  const source = fileURLToPath(new URL(`../integration/java/${program}.java`, import.meta.url));
  return spawn("java", [
    "-cp",
    join(BROKER_JARS, "*"),
    source,
    broker.sslBootstrap,
    files.ca,
    files.cert,
    files.key,
    ...args,
  ]);
}

/** Resolves with the output so far when the program printed a matching line; rejects with its output when it exits first or after 120 s. */
export function printed(java: ChildProcessWithoutNullStreams, line: RegExp): Promise<string> {
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${line} within 120 s:\n${output}`)), 120_000);
    java.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (line.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    java.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    java.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the Java program exited with ${code}:\n${output}`));
    });
  });
}

/** Closes the program's stdin (it leaves its group and exits), killing it after 15 s. */
export async function stopJava(java: ChildProcessWithoutNullStreams | undefined): Promise<void> {
  if (!java || java.exitCode !== null) return;
  const exited = new Promise((resolve) => java.once("exit", resolve));
  java.stdin.end();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (java.exitCode === null) java.kill("SIGKILL");
}
