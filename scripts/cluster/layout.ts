// Where a local broker keeps its files. The demo cluster lives in .local/cluster; tests use temp dirs.
import { join } from "node:path";

export interface BrokerPorts {
  /** mTLS listener: client certificate required, principal = the certificate's CN. */
  ssl: number;
  /** SASL_SSL listener with SCRAM-SHA-512, and PLAIN where the broker has PLAIN users (server-authenticated TLS only). */
  sasl: number;
  /** KRaft controller listener, mTLS as well. */
  controller: number;
}

export const DEFAULT_PORTS: BrokerPorts = { ssl: 9092, sasl: 9093, controller: 9094 };

export const BROKER_IDENTITY = "kafka-broker";
export const CONSOLE_IDENTITY = "kafka-console";

export function brokerLayout(dir: string) {
  const certs = join(dir, "certs");
  return {
    dir,
    certs,
    /** Root and intermediate, the bundle clients trust. */
    caBundle: join(certs, "ca.pem"),
    rootCa: join(certs, "root-ca.pem"),
    rootCaKey: join(certs, "private", "root-ca-key.pem"),
    intermediateCa: join(certs, "intermediate-ca.pem"),
    intermediateCaKey: join(certs, "private", "intermediate-ca-key.pem"),
    /** PKCS#8 key followed by the broker's certificate chain: Kafka's PEM key store. */
    brokerKeystore: join(certs, "private", "broker-keystore.pem"),
    consoleCert: join(certs, "console.pem"),
    consoleKey: join(certs, "private", "console-key.pem"),
    config: join(dir, "config"),
    serverProperties: join(dir, "config", "server.properties"),
    log4j: join(dir, "config", "log4j2.properties"),
    data: join(dir, "data"),
    log: join(dir, "broker.log"),
    state: join(dir, "state.json"),
    scramCredentials: join(dir, "certs", "private", "scram-users.json"),
    /** The PLAIN users of a broker with PLAIN on its SASL listener, and which of them is a super user. */
    plainUsers: join(dir, "certs", "private", "plain-users.json"),
    /** The console's PLAIN password alone, for the console's configuration to read as a file. */
    consolePlainPassword: join(dir, "certs", "private", "console-plain-password"),
  };
}

export type BrokerLayout = ReturnType<typeof brokerLayout>;
