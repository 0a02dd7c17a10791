// The e2e run's brokers, started by global-setup: "e2e" (mTLS), which specs stop and start to see the
// console react, and "e2e-plain" (SASL_SSL with PLAIN).
import { brokerStatus, startBroker, stopBroker } from "../../scripts/cluster/broker";

function brokerDir(variable = "E2E_BROKER_DIR"): string {
  const dir = process.env[variable];
  if (!dir) throw new Error(`${variable} is not set: run the specs through playwright.config.ts`);
  return dir;
}

export function e2ePlainBroker() {
  const status = brokerStatus(brokerDir("E2E_PLAIN_BROKER_DIR"));
  if (!status) throw new Error("No state for the e2e-plain broker");
  return { clusterId: status.clusterId, saslPort: status.ports.sasl };
}

export function e2eBroker() {
  const dir = brokerDir();
  const status = brokerStatus(dir);
  if (!status) throw new Error(`No broker state in ${dir}`);
  return {
    clusterId: status.clusterId,
    bootstrap: `127.0.0.1:${status.ports.ssl}`,
    stop: () => stopBroker(dir),
    start: () => startBroker({ dir, ports: status.ports }),
  };
}
