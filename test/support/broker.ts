// A throwaway real Kafka broker for one test file: its own temp dir, its own free ports.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { brokerStatus, startBroker, stopBroker } from "../../scripts/cluster/broker";
import { issueClientCertificate } from "../../scripts/cluster/certificates";
import { brokerLayout, type BrokerPorts } from "../../scripts/cluster/layout";
import { ensurePlainUsers, PLAIN_CLIENT_USER, PLAIN_CONSOLE_USER } from "../../scripts/cluster/plain-users";
import { freePort } from "./free-port";

interface Credentials {
  username: string;
  password: string;
}

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
  /**
   * With `plain: true`, PLAIN on the SASL listener as well: the console's user (a super user there)
   * and a client's, which only ACLs allow anything.
   */
  plainUsers?: { console: Credentials; client: Credentials };
  issueClientCertificate(commonName: string): { cert: string; key: string };
  /** Stops the broker; its data and ports stay, for restart(). */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the broker and deletes its directory. */
  dispose(): Promise<void>;
}

export async function startTestBroker(
  settings: { heap?: string; plain?: boolean; scramSha256?: boolean } = {},
): Promise<TestBroker> {
  const scramUser = { username: "scram-client", password: randomBytes(12).toString("base64url") };
  const { options, killOnExit } = await startOnFreePorts(settings, scramUser);
  const { dir, ports, plain } = options;
  const layout = brokerLayout(dir);
  return {
    dir,
    ports,
    sslBootstrap: `127.0.0.1:${ports.ssl}`,
    saslBootstrap: `127.0.0.1:${ports.sasl}`,
    ca: readFileSync(layout.caBundle, "utf8"),
    console: { cert: readFileSync(layout.consoleCert, "utf8"), key: readFileSync(layout.consoleKey, "utf8") },
    scramUser,
    plainUsers: plain && {
      console: { username: PLAIN_CONSOLE_USER, password: plain.users[PLAIN_CONSOLE_USER]! },
      client: { username: PLAIN_CLIENT_USER, password: plain.users[PLAIN_CLIENT_USER]! },
    },
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

/** A free port can be taken between choosing it and the broker binding it: then try new ones. */
const BIND_ATTEMPTS = 3;

async function startOnFreePorts(
  settings: { heap?: string; plain?: boolean; scramSha256?: boolean },
  scramUser: { username: string; password: string },
) {
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), "kafka-console-broker-"));
    const ports: BrokerPorts = {
      ssl: await freePort(),
      sasl: await freePort(),
      controller: await freePort(),
    };
    const plain = settings.plain ? ensurePlainUsers(brokerLayout(dir)) : undefined;
    // A crashed test run must not leave a JVM behind.
    const killOnExit = () => {
      const status = brokerStatus(dir);
      if (status?.running) process.kill(status.pid, "SIGKILL");
    };
    process.once("exit", killOnExit);
    const options = {
      dir,
      ports,
      heap: settings.heap ?? "256m",
      scramUsers: { [scramUser.username]: scramUser.password },
      plain,
      scramSha256: settings.scramSha256,
    };
    try {
      await startBroker(options);
      return { options, killOnExit };
    } catch (error) {
      const taken = error instanceof Error && error.message.includes("Address already in use");
      if (!taken || attempt === BIND_ATTEMPTS) throw error;
      process.removeListener("exit", killOnExit);
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
