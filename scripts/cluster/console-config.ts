// A console configuration for local brokers, so the demo and the e2e suite connect as the console does.
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";

import type { BrokerLayout, BrokerPorts } from "./layout";
import { PLAIN_CONSOLE_USER } from "./plain-users";

/** A broker whose console connection is SASL_SSL with PLAIN (its layout has the console's password file). */
export interface PlainClusterEntry {
  name: string;
  layout: BrokerLayout;
  ports: BrokerPorts;
}

/**
 * Writes `console.config.yaml` into the first broker's directory (paths relative to it) and returns
 * its path. The first cluster (mTLS, the console's certificate) is the default; `plainClusters` follow.
 */
export function writeConsoleConfig(
  layout: BrokerLayout,
  ports: BrokerPorts,
  clusterName: string,
  /** The console's own data (store, session secret, CA key encryption key), relative to the broker's directory. */
  dataDir = "console-data",
  plainClusters: PlainClusterEntry[] = [],
  /** The first cluster's schema registry (base URL of its Confluent-compatible API), when one runs. */
  schemaRegistryUrl?: string,
): string {
  const path = join(layout.dir, "console.config.yaml");
  const file = (target: string) => `{ file: ${JSON.stringify(relative(layout.dir, target))} }`;
  writeFileSync(
    path,
    [
      "# Written for the local brokers; see console.config.example.yaml for every option.",
      "server:",
      `  dataDir: ${dataDir}`,
      "clusters:",
      `  - name: ${clusterName}`,
      `    bootstrapBrokers: ["127.0.0.1:${ports.ssl}"]`,
      "    tls:",
      "      ca: { file: certs/ca.pem }",
      "      cert: { file: certs/console.pem }",
      "      key: { file: certs/private/console-key.pem }",
      ...(schemaRegistryUrl
        ? ["    schemaRegistry:", `      url: ${JSON.stringify(schemaRegistryUrl)}`]
        : []),
      ...plainClusters.flatMap((cluster) => [
        `  - name: ${cluster.name}`,
        `    bootstrapBrokers: ["127.0.0.1:${cluster.ports.sasl}"]`,
        "    tls:",
        `      ca: ${file(cluster.layout.caBundle)}`,
        "    sasl:",
        "      mechanism: plain",
        `      username: ${PLAIN_CONSOLE_USER}`,
        `      password: ${file(cluster.layout.consolePlainPassword)}`,
      ]),
      "# The first broker's own CA: certificates the console issues are trusted by that broker as they are.",
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
