// The local cluster (npm run cluster) as the benchmarks use it: started when needed, and the console's
// identity and configuration for clients outside the console (kcat, a producer) and for the engine.
import { readFileSync } from "node:fs";

import { Admin, Producer } from "@platformatic/kafka";

import { LOCAL_CLUSTER_DIR, startLocalCluster } from "../../scripts/cluster/cli";
import { writeConsoleConfig } from "../../scripts/cluster/console-config";
import { brokerLayout, CONSOLE_IDENTITY } from "../../scripts/cluster/layout";

export interface LocalCluster {
  bootstrap: string;
  /** The console identity's PEM files, for kcat. */
  pem: { ca: string; cert: string; key: string };
  /** console.config.yaml for this cluster; the engine reads it through CONSOLE_CONFIG. */
  configPath: string;
  /** The cluster's name in that configuration. */
  clusterName: string;
  admin(): Admin;
  producer(clientId: string): Producer;
}

export const LOCAL_CLUSTER_NAME = "local";

export async function ensureLocalCluster(): Promise<LocalCluster> {
  const broker = await startLocalCluster();
  const layout = brokerLayout(LOCAL_CLUSTER_DIR);
  const bootstrap = `127.0.0.1:${broker.ports.ssl}`;
  const pem = { ca: layout.caBundle, cert: layout.consoleCert, key: layout.consoleKey };
  const tls = () => ({
    ca: readFileSync(pem.ca, "utf8"),
    cert: readFileSync(pem.cert, "utf8"),
    key: readFileSync(pem.key, "utf8"),
  });
  // The same file `npm run demo` writes; the console's own data stays beside the cluster, not inside.
  const configPath = writeConsoleConfig(layout, broker.ports, LOCAL_CLUSTER_NAME, "../console");
  return {
    bootstrap,
    pem,
    configPath,
    clusterName: LOCAL_CLUSTER_NAME,
    admin: () =>
      new Admin({
        clientId: `${CONSOLE_IDENTITY}-bench`,
        bootstrapBrokers: [bootstrap],
        tls: tls(),
        timeout: 30_000,
        retries: 3,
      }),
    producer: (clientId) =>
      new Producer({ clientId, bootstrapBrokers: [bootstrap], tls: tls(), timeout: 30_000, retries: 3 }),
  };
}
