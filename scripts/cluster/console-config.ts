// A console configuration for a local broker, so the demo and the e2e suite connect as the console does.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import type { BrokerLayout, BrokerPorts } from "./layout";

/** Writes `console.config.yaml` into the broker's directory (paths relative to it) and returns its path. */
export function writeConsoleConfig(
  layout: BrokerLayout,
  ports: BrokerPorts,
  clusterName: string,
  /** The console's own data (store, session secret, CA key encryption key), relative to the broker's directory. */
  dataDir = "console-data",
): string {
  const path = join(layout.dir, "console.config.yaml");
  writeFileSync(
    path,
    [
      "# Written for the local broker in this directory; see console.config.example.yaml for every option.",
      "server:",
      `  dataDir: ${dataDir}`,
      "clusters:",
      `  - name: ${clusterName}`,
      `    bootstrapBrokers: ["127.0.0.1:${ports.ssl}"]`,
      "    tls:",
      "      ca: { file: certs/ca.pem }",
      "      cert: { file: certs/console.pem }",
      "      key: { file: certs/private/console-key.pem }",
      "# The broker's own CA: certificates the console issues are trusted by this broker as they are.",
      "ca:",
      "  import:",
      "    rootCertificate: { file: certs/root-ca.pem }",
      "    intermediateCertificate: { file: certs/intermediate-ca.pem }",
      "    intermediateKey: { file: certs/private/intermediate-ca-key.pem }",
      "",
    ].join("\n"),
  );
  return path;
}
