import "server-only";

// Each broker's log directories as the brokers pages show them: path, offline or not, the bytes of the
// replicas in it, and total/usable space where the broker reports it (DescribeLogDirs v4, Kafka 3.3+).
// The request and its answer's type are log-dirs.ts's; this keeps the sizes per directory, which the
// topic pages do not need. A broker that cannot answer is its own reason; the others stay usable.
import type { Admin } from "@platformatic/kafka";

import type { BrokerLogDirs } from "@/lib/schemas/brokers";

import { logDirSummaries } from "./broker-rows";
import { fetchClusterMetadata } from "./cluster-metadata";
import { describeKafkaError } from "./errors/describe-kafka-error";
import type { DescribeLogDirsAnswer } from "./log-dirs";
import { withClusterAdmin } from "./pooled-clients";
import { responseWithErrorsUnder, sendRaw } from "./raw-request";

export type LogDirsRead = { ok: true; byBroker: Map<number, BrokerLogDirs> } | { ok: false; reason: string };

export async function brokerLogDirs(cluster: string, nodeIds: number[]): Promise<LogDirsRead> {
  const wanted = new Set(nodeIds);
  const read = await withClusterAdmin(
    cluster,
    async (admin) => {
      const brokers = (await fetchClusterMetadata(admin)).brokers.filter((broker) =>
        wanted.has(broker.nodeId),
      );
      const answers = await Promise.all(brokers.map((broker) => oneBroker(admin, broker)));
      return new Map(brokers.map((broker, index) => [broker.nodeId, answers[index]!]));
    },
    { cluster, operation: "DESCRIBE" },
  );
  return read.ok ? { ok: true, byBroker: read.data } : { ok: false, reason: read.problem.title };
}

async function oneBroker(admin: Admin, broker: { host: string; port: number }): Promise<BrokerLogDirs> {
  try {
    const answer = await sendRaw<DescribeLogDirsAnswer>(admin, {
      api: "DescribeLogDirs",
      broker,
      args: [null],
      keepPartial: (error) => responseWithErrorsUnder<DescribeLogDirsAnswer>("/results/", error),
    });
    return { ok: true, dirs: logDirSummaries(answer) };
  } catch (error) {
    const problem = describeKafkaError(error);
    return { ok: false, reason: `${problem.title}${problem.code ? ` (${problem.code})` : ""}` };
  }
}
