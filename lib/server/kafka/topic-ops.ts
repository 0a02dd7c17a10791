import "server-only";

// What adding partitions, deleting records and deleting a topic share: the topic as Kafka lists it
// now (404 when it does not exist), the refusal of internal topics, the failed result with the Kafka
// code and the status a REST route answers with, and the audit record of every attempt.
import type { ActionResult } from "@/lib/errors";
import type { ClusterProblem } from "@/lib/schemas/cluster";
import { recordAudit, type Principal } from "@/lib/server/auth";

import { fetchClusterMetadata, type MetadataSnapshot } from "./cluster-metadata";
import { REQUEST_REFUSALS, refusalResult } from "./errors/problem-status";
import { withClusterAdmin } from "./pooled-clients";

export type TopicOpsFailure = Extract<ActionResult<never>, { ok: false }> & { code: string };
export type TopicOpsResult<T> = { ok: true; data: T } | TopicOpsFailure;

/** Kafka's own topics: the console never deletes them, their records, or adds to their partitions. */
const INTERNAL_TOPICS = new Set(["__consumer_offsets", "__transaction_state", "__share_group_state"]);

export const topicOpsFailure = (status: TopicOpsFailure["status"], code: string, error: string) =>
  ({ ok: false, status, code, error }) as const;

/** Refusals that are the request's to fix, not a broker failure; the Kafka code stays in the answer. */
const STATUS_BY_CODE: Record<string, TopicOpsFailure["status"]> = {
  ...REQUEST_REFUSALS,
  OFFSET_OUT_OF_RANGE: 422,
  THROTTLING_QUOTA_EXCEEDED: 429,
  TOPIC_DELETION_DISABLED: 422,
};

export function topicOpsRefusal(problem: ClusterProblem): TopicOpsFailure {
  return refusalResult(problem, STATUS_BY_CODE);
}

export type ChangeableTopic = MetadataSnapshot["topics"][number] & { name: string };

export interface TopicForChange {
  topic: ChangeableTopic;
  brokers: MetadataSnapshot["brokers"];
}

/** The topic with its partitions and the brokers, or 404 / 422 INTERNAL_TOPIC. */
export async function topicForChange(
  cluster: string,
  topic: string,
): Promise<TopicOpsResult<TopicForChange>> {
  const read = await withClusterAdmin(cluster, fetchClusterMetadata, {
    cluster,
    operation: "DESCRIBE",
    resourceName: topic,
  });
  if (!read.ok) return topicOpsRefusal(read.problem);
  const found = read.data.topics.find((candidate): candidate is ChangeableTopic => candidate.name === topic);
  if (!found)
    return topicOpsFailure(
      404,
      "UNKNOWN_TOPIC_OR_PARTITION",
      `Topic ${topic} does not exist on ${cluster}, or the console may not describe it.`,
    );
  if (found.isInternal || INTERNAL_TOPICS.has(topic))
    return topicOpsFailure(
      422,
      "INTERNAL_TOPIC",
      `${topic} is one of Kafka's internal topics; the console does not change its partitions, records or existence.`,
    );
  return { ok: true, data: { topic: found, brokers: read.data.brokers } };
}

export type TopicAudit = (
  outcome: "success" | "failure",
  details: Record<string, string | number | boolean | null>,
) => Promise<void>;

export function topicAuditor(cluster: string, topic: string, actor: Principal, action: string): TopicAudit {
  return (outcome, details) =>
    recordAudit({ actor: actor.actor, action, target: topic, outcome, details: { cluster, ...details } });
}

/** Runs `then` with the topic, auditing a refusal found on the way (not found, internal). */
export async function withTopicForChange<T>(
  cluster: string,
  topic: string,
  audit: TopicAudit,
  then: (found: TopicForChange) => Promise<TopicOpsResult<T>>,
): Promise<TopicOpsResult<T>> {
  const found = await topicForChange(cluster, topic);
  if (!found.ok) {
    await audit("failure", { code: found.code });
    return found;
  }
  return then(found.data);
}
