import "server-only";

// Deleting records (DeleteRecords to each partition's leader): before an offset, before a time (the
// offset ListOffsets finds for it) or all, per partition or for the whole topic. The preview reads the
// watermarks and says per partition how many records go; the deletion plans again (the log moved on
// meanwhile) and is audited with the low watermarks before and after. Kafka refuses a topic that is
// compacted only (POLICY_VIOLATION); its code is shown.
import { protocolErrorsCodesById, type Admin } from "@platformatic/kafka";

import type { DeleteRecordsRequest } from "@/lib/schemas/topic-ops";
import type { Principal } from "@/lib/server/auth";

import type { MetadataSnapshot } from "./cluster-metadata";
import { EARLIEST, LATEST, listPartitionOffsets } from "./partition-offsets";
import { withClusterAdmin } from "./pooled-clients";
import { responseWithErrorsUnder, sendRaw } from "./raw-request";
import {
  topicAuditor,
  topicOpsFailure,
  topicOpsRefusal,
  withTopicForChange,
  type ChangeableTopic,
  type TopicAudit,
  type TopicOpsResult,
} from "./topic-ops";
import { planDeleteRecords, totalRecords, type DeleteRecordsRow } from "./topic-records-plan";

export type { DeleteRecordsRow } from "./topic-records-plan";

export interface DeleteRecordsPreview {
  cluster: string;
  topic: string;
  mode: DeleteRecordsRequest["mode"];
  rows: DeleteRecordsRow[];
  /** Σ records that would go, a decimal string. */
  records: string;
}

export interface RecordsDeleted extends DeleteRecordsPreview {
  /** The low watermarks Kafka answered with, per partition changed (decimal strings). */
  after: { partition: number; lowWatermark: string }[];
}

const DELETE_TIMEOUT_MS = 30_000;
const TOPIC_DELETE_HINT =
  " Kafka deletes records only where cleanup.policy includes delete; a compacted-only topic refuses.";

/** What the deletion would do; changes nothing. */
export async function previewDeleteRecords(
  cluster: string,
  topic: string,
  request: DeleteRecordsRequest,
): Promise<TopicOpsResult<DeleteRecordsPreview>> {
  const quiet: TopicAudit = async () => {};
  return withTopicForChange(cluster, topic, quiet, (found) =>
    plan(cluster, found.topic, found.brokers, request),
  );
}

/** Deletes the records the plan names, partition leaders asked directly; audited either way. */
export async function deleteRecords(
  cluster: string,
  topic: string,
  request: DeleteRecordsRequest,
  actor: Principal,
): Promise<TopicOpsResult<RecordsDeleted>> {
  const audit = topicAuditor(cluster, topic, actor, "topic.deleteRecords");
  return withTopicForChange(cluster, topic, audit, async ({ topic: found, brokers }) => {
    const planned = await plan(cluster, found, brokers, request);
    if (!planned.ok) {
      await audit("failure", { mode: request.mode, code: planned.code });
      return planned;
    }
    const preview = planned.data;
    const changing = preview.rows.filter((row) => row.newLow !== null && row.records !== "0");
    const before = marksText(changing.map((row) => [row.partition, row.lowBefore]));
    const sent = await withClusterAdmin(
      cluster,
      (admin) => sendDeleteRecords(admin, brokers, found, changing, request.mode === "all"),
      { cluster, operation: "DELETE", resourceName: topic },
    );
    if (!sent.ok) {
      const refusal = topicOpsRefusal(sent.problem);
      await audit("failure", { mode: request.mode, before, code: refusal.code });
      return refusal;
    }
    const after = sent.data.filter((answer) => answer.error === null);
    const failed = sent.data.filter((answer) => answer.error !== null);
    const afterText = marksText(after.map((answer) => [answer.partition, answer.lowWatermark]));
    if (failed.length) {
      const code = failed[0]!.error!;
      await audit("failure", { mode: request.mode, before, after: afterText, code });
      const names = failed.map((answer) => `${answer.partition} (${answer.error})`).join(", ");
      const done = after.length
        ? ` Partitions ${after.map((a) => a.partition).join(", ")} were changed.`
        : "";
      return topicOpsFailure(
        code === "POLICY_VIOLATION" ? 422 : code === "TOPIC_AUTHORIZATION_FAILED" ? 403 : 502,
        code,
        `Kafka refused deleting records of ${topic} in partition ${names}.${
          code === "POLICY_VIOLATION" ? TOPIC_DELETE_HINT : ""
        }${done}`,
      );
    }
    await audit("success", {
      mode: request.mode,
      records: preview.records,
      before,
      after: afterText,
    });
    return {
      ok: true,
      data: { ...preview, after: after.map(({ partition, lowWatermark }) => ({ partition, lowWatermark })) },
    };
  });
}

/** "0:10, 1:0" for the audit record, bounded. */
function marksText(marks: [number, string | null][]): string {
  return marks
    .map(([partition, mark]) => `${partition}:${mark ?? "?"}`)
    .join(", ")
    .slice(0, 2000);
}

async function plan(
  cluster: string,
  topic: ChangeableTopic,
  brokers: MetadataSnapshot["brokers"],
  request: DeleteRecordsRequest,
): Promise<TopicOpsResult<DeleteRecordsPreview>> {
  const existing = new Set(topic.partitions.map((partition) => partition.partitionIndex));
  const unknown = (request.partitions ?? []).filter((partition) => !existing.has(partition));
  if (unknown.length)
    return topicOpsFailure(
      422,
      "UNKNOWN_TOPIC_OR_PARTITION",
      `Topic ${topic.name} has no partition ${unknown.join(", ")}; it has ${existing.size}.`,
    );
  const chosen = topic.partitions
    .filter((partition) => !request.partitions || request.partitions.includes(partition.partitionIndex))
    .sort((a, b) => a.partitionIndex - b.partitionIndex);
  const refs = chosen.map((partition) => ({
    topic: topic.name,
    partition: partition.partitionIndex,
    leader: partition.leaderId,
  }));
  const key = (_topic: string, partition: number) => String(partition);
  const read = await withClusterAdmin(
    cluster,
    async (admin) => {
      const [lows, highs, atTime] = await Promise.all([
        listPartitionOffsets(admin, brokers, refs, EARLIEST, key),
        listPartitionOffsets(admin, brokers, refs, LATEST, key),
        request.mode === "timestamp" && request.timestamp !== undefined
          ? listPartitionOffsets(admin, brokers, refs, BigInt(request.timestamp), key)
          : Promise.resolve(new Map<string, bigint>()),
      ]);
      return { lows, highs, atTime };
    },
    { cluster, operation: "DESCRIBE", resourceName: topic.name },
  );
  if (!read.ok) return topicOpsRefusal(read.problem);
  const { lows, highs, atTime } = read.data;
  const rows = planDeleteRecords(
    chosen.map((partition) => ({
      partition: partition.partitionIndex,
      leader: partition.leaderId,
      low: lows.get(String(partition.partitionIndex)) ?? null,
      high: highs.get(String(partition.partitionIndex)) ?? null,
    })),
    request.mode,
    (partition) => {
      if (request.mode === "offset") return BigInt(request.offset ?? "0");
      const found = atTime.get(String(partition));
      // -1: no record at or after the time, so every record is older.
      return found === undefined || found < 0n ? undefined : found;
    },
  );
  return {
    ok: true,
    data: { cluster, topic: topic.name, mode: request.mode, rows, records: totalRecords(rows) },
  };
}

interface DeleteRecordsAnswer {
  topics: {
    name: string;
    partitions: { partitionIndex: number; lowWatermark: bigint; errorCode: number }[];
  }[];
}

interface PartitionAnswer {
  partition: number;
  lowWatermark: string;
  error: string | null;
}

/** One DeleteRecords per leader; "all" sends -1 (the high watermark at the moment Kafka deletes). */
async function sendDeleteRecords(
  admin: Admin,
  brokers: MetadataSnapshot["brokers"],
  topic: ChangeableTopic,
  rows: readonly DeleteRecordsRow[],
  all: boolean,
): Promise<PartitionAnswer[]> {
  const leaderOf = new Map(
    topic.partitions.map((partition) => [partition.partitionIndex, partition.leaderId]),
  );
  const byLeader = new Map<number, DeleteRecordsRow[]>();
  for (const row of rows) {
    const leader = leaderOf.get(row.partition) ?? -1;
    byLeader.set(leader, [...(byLeader.get(leader) ?? []), row]);
  }
  const answers = await Promise.all(
    [...byLeader].map(async ([leader, leaderRows]) => {
      const broker = brokers.find((candidate) => candidate.nodeId === leader);
      if (!broker)
        return leaderRows.map((row) => ({
          partition: row.partition,
          lowWatermark: "",
          error: "LEADER_NOT_AVAILABLE",
        }));
      const answer = await sendRaw<DeleteRecordsAnswer>(admin, {
        api: "DeleteRecords",
        broker,
        args: [
          [
            {
              name: topic.name,
              partitions: leaderRows.map((row) => ({
                partitionIndex: row.partition,
                offset: all ? -1n : BigInt(row.newLow!),
              })),
            },
          ],
          DELETE_TIMEOUT_MS,
        ],
        // Per-partition refusals (a compacted topic, a moved leader) are read below, one by one.
        keepPartial: (error) => responseWithErrorsUnder<DeleteRecordsAnswer>("topics[", error),
      });
      return answer.topics.flatMap((answered) =>
        answered.partitions.map((partition) => ({
          partition: partition.partitionIndex,
          lowWatermark: partition.lowWatermark.toString(),
          error:
            partition.errorCode === 0
              ? null
              : (protocolErrorsCodesById[partition.errorCode] ?? `error code ${partition.errorCode}`),
        })),
      );
    }),
  );
  return answers.flat().sort((a, b) => a.partition - b.partition);
}
