import "server-only";

// What the CA asks the configured clusters, one shared cache per server process: the brokers' hosts
// for the issuing policy and the ACL bindings of a name for the check before issuing.
import { getConfig } from "@/lib/server/config";
import { getClusterStatus, listAcls } from "@/lib/server/kafka";

import { createBrokerHostDirectory } from "./broker-hosts";
import { createBindingCounter } from "./name-usage";

const brokerHostDirectory = createBrokerHostDirectory({
  lookup: async (cluster) => {
    const status = await getClusterStatus(cluster);
    return status.ok ? status.overview.brokers.map((broker) => broker.host) : undefined;
  },
});

const bindingCounter = createBindingCounter({ listBindings: listAcls });

/** Every configured cluster's bootstrap hosts and reported broker hosts; waits at most a few seconds. */
export function configuredBrokerHosts(): Promise<string[]> {
  return brokerHostDirectory.hostsOf(getConfig().clusters);
}

/** ACL bindings for exactly this principal on each configured cluster; null where unknown. */
export function bindingsOnConfiguredClusters(principal: string) {
  return bindingCounter.count(
    getConfig().clusters.map((cluster) => cluster.name),
    principal,
  );
}
