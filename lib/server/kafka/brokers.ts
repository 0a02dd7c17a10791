import "server-only";

// The brokers page and a broker's page: who is in the cluster (one Metadata answer), how many
// partitions each leads and replicates, the log dirs each reports (DescribeLogDirs, where the cluster
// offers it and allows it), and a broker's advertised listeners (its own DescribeConfigs answer).
import type { BrokerDetails, BrokerEndpoint, BrokerList, BrokerLogDirs } from "@/lib/schemas/brokers";

import { brokerLogDirs } from "./broker-log-dirs";
import { brokerRows, logDirTotals, parseListeners } from "./broker-rows";
import { unavailableReason } from "./capabilities";
import { fetchClusterMetadata } from "./cluster-metadata";
import type { ClusterResult } from "./cluster-pool";
import { describeConfigs } from "./configs";
import { describeKafkaError } from "./errors/describe-kafka-error";
import { currentPool } from "./global-pool";
import { withClusterAdmin } from "./pooled-clients";

async function logDirsReason(cluster: string): Promise<string | undefined> {
  const capabilities = await currentPool()
    .capabilities(cluster)
    .catch((error: unknown) => ({ ok: false as const, problem: describeKafkaError(error) }));
  return unavailableReason(capabilities, "logDirs");
}

export async function listBrokers(cluster: string): Promise<ClusterResult<BrokerList>> {
  const metadata = await withClusterAdmin(cluster, fetchClusterMetadata, { cluster });
  if (!metadata.ok) return metadata;
  const rows = brokerRows(metadata.data);
  const missing = await logDirsReason(cluster);
  const logDirs = missing
    ? { ok: false as const, reason: missing }
    : await brokerLogDirs(
        cluster,
        rows.map((row) => row.nodeId),
      );
  const unavailable = logDirs.ok ? firstFailure(logDirs.byBroker) : logDirs.reason;
  return {
    ok: true,
    data: {
      cluster,
      controllerId: metadata.data.controllerId,
      brokers: rows.map((row) => {
        const dirs = logDirs.ok ? logDirs.byBroker.get(row.nodeId) : undefined;
        return dirs ? { ...row, ...logDirTotals(dirs) } : row;
      }),
      logDirsUnavailable: unavailable ?? null,
    },
  };
}

/** The broker, or null when the cluster has no broker of that id. */
export async function describeBroker(
  cluster: string,
  nodeId: number,
): Promise<ClusterResult<BrokerDetails | null>> {
  const metadata = await withClusterAdmin(cluster, fetchClusterMetadata, { cluster });
  if (!metadata.ok) return metadata;
  const row = brokerRows(metadata.data).find((broker) => broker.nodeId === nodeId);
  if (!row) return { ok: true, data: null };
  const missing = await logDirsReason(cluster);
  const [read, listeners] = await Promise.all([
    missing ? { ok: false as const, reason: missing } : brokerLogDirs(cluster, [nodeId]),
    advertisedListeners(cluster, nodeId),
  ]);
  const logDirs: BrokerLogDirs = read.ok
    ? (read.byBroker.get(nodeId) ?? { ok: false, reason: `Broker ${nodeId} did not answer DescribeLogDirs.` })
    : { ok: false, reason: read.reason };
  const metadataEndpoint: BrokerEndpoint = { listener: "(metadata)", host: row.host, port: row.port };
  return {
    ok: true,
    data: {
      ...row,
      ...logDirTotals(logDirs),
      cluster,
      endpoints: listeners.length ? listeners : [metadataEndpoint],
      logDirs,
    },
  };
}

/** The broker's advertised.listeners (else listeners); none when its configs cannot be read. */
async function advertisedListeners(cluster: string, nodeId: number): Promise<BrokerEndpoint[]> {
  const configs = await describeConfigs(cluster, { type: "broker", id: nodeId });
  if (!configs.ok) return [];
  const value = (name: string) => configs.data.find((entry) => entry.name === name)?.value ?? null;
  const advertised = parseListeners(value("advertised.listeners"));
  return advertised.length ? advertised : parseListeners(value("listeners"));
}

function firstFailure(byBroker: Map<number, BrokerLogDirs>): string | undefined {
  for (const [nodeId, dirs] of byBroker) if (!dirs.ok) return `Broker ${nodeId}: ${dirs.reason}`;
  return undefined;
}
