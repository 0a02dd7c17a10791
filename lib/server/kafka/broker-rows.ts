// The brokers page's figures from one Metadata answer and each broker's log dirs: partitions led and
// replicated per broker, and a broker's log dirs summed (offline dirs counted apart, never as 0 bytes).
// Pure: no Kafka calls.
import { protocolErrorsCodesById } from "@platformatic/kafka";

import type { BrokerEndpoint, BrokerLogDirs, BrokerRow, LogDirSummary } from "@/lib/schemas/brokers";

import type { MetadataSnapshot } from "./cluster-metadata";
import type { DescribeLogDirsAnswer } from "./log-dirs";

export function brokerRows(metadata: MetadataSnapshot): BrokerRow[] {
  const counts = new Map<number, { leaderPartitions: number; replicaPartitions: number }>();
  const countsOf = (nodeId: number) => {
    const found = counts.get(nodeId) ?? { leaderPartitions: 0, replicaPartitions: 0 };
    counts.set(nodeId, found);
    return found;
  };
  for (const topic of metadata.topics) {
    for (const partition of topic.partitions) {
      if (partition.leaderId >= 0) countsOf(partition.leaderId).leaderPartitions++;
      for (const replica of partition.replicaNodes) countsOf(replica).replicaPartitions++;
    }
  }
  return metadata.brokers
    .map(({ nodeId, host, port, rack }) => ({
      nodeId,
      host,
      port,
      rack: rack ?? null,
      isController: nodeId === metadata.controllerId,
      leaderPartitions: counts.get(nodeId)?.leaderPartitions ?? 0,
      replicaPartitions: counts.get(nodeId)?.replicaPartitions ?? 0,
      logDirBytes: null,
      offlineLogDirs: 0,
    }))
    .sort((a, b) => a.nodeId - b.nodeId);
}

/** The sum of the online dirs' sizes (null when none is online or they were not read) and the offline count. */
export function logDirTotals(logDirs: BrokerLogDirs): Pick<BrokerRow, "logDirBytes" | "offlineLogDirs"> {
  if (!logDirs.ok) return { logDirBytes: null, offlineLogDirs: 0 };
  let total = 0n;
  let online = 0;
  let offline = 0;
  for (const dir of logDirs.dirs) {
    if (dir.error !== null || dir.sizeBytes === null) offline++;
    else {
      online++;
      total += BigInt(dir.sizeBytes);
    }
  }
  return { logDirBytes: online > 0 ? total.toString() : null, offlineLogDirs: offline };
}

/**
 * The listeners of `advertised.listeners` (or `listeners`): "SSL://h:9092,SASL_SSL://[::1]:9093".
 * An entry that does not parse is left out; an empty host (bind to all) stays empty.
 */
export function parseListeners(value: string | null): BrokerEndpoint[] {
  if (!value) return [];
  return value.split(",").flatMap((entry) => {
    const match = /^\s*([A-Za-z0-9_.-]+):\/\/(\[[^\]]*\]|[^:]*):(\d+)\s*$/.exec(entry);
    if (!match) return [];
    const [, listener, host, port] = match;
    return [{ listener: listener!, host: host!.replace(/^\[(.*)\]$/, "$1"), port: Number(port) }];
  });
}

const reported = (bytes: bigint | undefined) => (bytes === undefined || bytes < 0n ? null : bytes.toString());

/** One row per directory, sorted by path; an offline one has its error and no size. */
export function logDirSummaries(answer: DescribeLogDirsAnswer): LogDirSummary[] {
  return answer.results
    .map((result): LogDirSummary => {
      const online = result.errorCode === 0;
      let bytes = 0n;
      let partitions = 0;
      for (const topic of result.topics) {
        for (const partition of topic.partitions) {
          if (partition.isFutureKey) continue;
          bytes += partition.partitionSize;
          partitions++;
        }
      }
      return {
        path: result.logDir,
        error: online
          ? null
          : (protocolErrorsCodesById[result.errorCode] ?? `error code ${result.errorCode}`),
        sizeBytes: online ? bytes.toString() : null,
        partitions,
        totalBytes: reported(result.totalBytes),
        usableBytes: reported(result.usableBytes),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
