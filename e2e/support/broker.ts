// The e2e run's broker, started by global-setup; specs stop and start it to see the console react.
import { brokerStatus, startBroker, stopBroker } from "../../scripts/cluster/broker";

function brokerDir(): string {
  const dir = process.env.E2E_BROKER_DIR;
  if (!dir) throw new Error("E2E_BROKER_DIR is not set: run the specs through playwright.config.ts");
  return dir;
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
