// A throwaway real Kafka broker for one test file: its own temp dir, its own free ports.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { brokerStatus, startBroker, stopBroker } from "../../scripts/cluster/broker";
import { issueClientCertificate } from "../../scripts/cluster/certificates";
import { brokerLayout, type BrokerPorts } from "../../scripts/cluster/layout";
import { freePort } from "./free-port";

export interface TestBroker {
  dir: string;
  ports: BrokerPorts;
  sslBootstrap: string;
  saslBootstrap: string;
  /** Root and intermediate CA certificates (PEM), what a client trusts. */
  ca: string;
  /** The console's identity, a super user. */
  console: { cert: string; key: string };
  scramUser: { username: string; password: string };
  issueClientCertificate(commonName: string): { cert: string; key: string };
  /** Stops the broker; its data and ports stay, for restart(). */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the broker and deletes its directory. */
  dispose(): Promise<void>;
}

export async function startTestBroker(settings: { heap?: string } = {}): Promise<TestBroker> {
  const dir = mkdtempSync(join(tmpdir(), "kafka-console-broker-"));
  const ports: BrokerPorts = { ssl: await freePort(), sasl: await freePort(), controller: await freePort() };
  const scramUser = { username: "scram-client", password: randomBytes(12).toString("base64url") };
  const options = {
    dir,
    ports,
    heap: settings.heap ?? "256m",
    scramUsers: { [scramUser.username]: scramUser.password },
  };
  // A crashed test run must not leave a JVM behind.
  const killOnExit = () => {
    const status = brokerStatus(dir);
    if (status?.running) process.kill(status.pid, "SIGKILL");
  };
  process.once("exit", killOnExit);

  await startBroker(options);
  const layout = brokerLayout(dir);
  return {
    dir,
    ports,
    sslBootstrap: `127.0.0.1:${ports.ssl}`,
    saslBootstrap: `127.0.0.1:${ports.sasl}`,
    ca: readFileSync(layout.caBundle, "utf8"),
    console: { cert: readFileSync(layout.consoleCert, "utf8"), key: readFileSync(layout.consoleKey, "utf8") },
    scramUser,
    issueClientCertificate: (commonName) => issueClientCertificate(layout, commonName),
    stop: async () => {
      await stopBroker(dir);
    },
    restart: async () => {
      await stopBroker(dir);
      await startBroker(options);
    },
    dispose: async () => {
      await stopBroker(dir, 5_000);
      process.removeListener("exit", killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
