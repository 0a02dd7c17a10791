// kcat (librdkafka, a client independent of the console's) as the console's identity over TLS: what a
// test wrote, read back by someone else.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { TestBroker } from "./broker";

/** The broker's CA and the console's certificate and key as PEM files in a new temp dir (remove it after). */
export function writeKcatPems(broker: TestBroker): string {
  const dir = mkdtempSync(join(tmpdir(), "kcat-"));
  writeFileSync(join(dir, "ca.pem"), broker.ca);
  writeFileSync(join(dir, "cert.pem"), broker.console.cert);
  writeFileSync(join(dir, "key.pem"), broker.console.key);
  return dir;
}

/** One partition from the beginning to its end, each record printed as kcat's -f `format` says. */
export function kcatConsume(
  broker: TestBroker,
  pemDir: string,
  read: { topic: string; partition: number; format: string; timeout: number },
): string {
  return execFileSync(
    "kcat",
    [
      "-C",
      "-b",
      broker.sslBootstrap,
      "-X",
      "security.protocol=ssl",
      "-X",
      `ssl.ca.location=${join(pemDir, "ca.pem")}`,
      "-X",
      `ssl.certificate.location=${join(pemDir, "cert.pem")}`,
      "-X",
      `ssl.key.location=${join(pemDir, "key.pem")}`,
      "-t",
      read.topic,
      "-p",
      String(read.partition),
      "-o",
      "beginning",
      "-e",
      "-q",
      "-f",
      read.format,
    ],
    { encoding: "utf8", timeout: read.timeout },
  );
}
