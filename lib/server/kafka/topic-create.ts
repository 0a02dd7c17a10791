import "server-only";

// Creating a topic (CreateTopics, to the controller): always checked first with validateOnly, then
// created unless only the check was asked for; the client's createTopics never sends validateOnly,
// so the request goes out with sendRaw. Kafka's refusals (TOPIC_ALREADY_EXISTS, POLICY_VIOLATION,
// INVALID_CONFIG, INVALID_REPLICATION_FACTOR, TOPIC_AUTHORIZATION_FAILED, …) keep their code. Audited.
import type { Admin } from "@platformatic/kafka";

import type { CreateTopicRequest, TopicCreated } from "@/lib/schemas/topic-create";
import { recordAudit, type Principal } from "@/lib/server/auth";

import { refusalOf } from "./config-refusals";
import type { ConfigsResult } from "./configs";
import { withClusterAdmin } from "./pooled-clients";
import { sendRaw } from "./raw-request";

/** How long the controller may take to create the topic before it answers REQUEST_TIMED_OUT. */
const CREATE_TIMEOUT_MS = 15_000;

interface CreateTopicsAnswer {
  topics: { name: string; topicId?: string; numPartitions?: number; replicationFactor?: number }[];
}

async function controllerOf(admin: Admin) {
  const metadata = await admin.metadata({ topics: [] });
  const controller = metadata.brokers.get(metadata.controllerId);
  return controller ? { host: controller.host, port: controller.port } : undefined;
}

function sendCreate(admin: Admin, request: CreateTopicRequest, validateOnly: boolean, controller?: object) {
  const topic = {
    name: request.name,
    numPartitions: request.partitions,
    replicationFactor: request.replicationFactor,
    assignments: [],
    configs: Object.entries(request.configs).map(([name, value]) => ({ name, value })),
  };
  return sendRaw<CreateTopicsAnswer>(admin, {
    api: "CreateTopics",
    args: [[topic], CREATE_TIMEOUT_MS, validateOnly],
    broker: controller as { host: string; port: number } | undefined,
  });
}

/** Checks the topic with validateOnly, then creates it unless `request.validateOnly`. */
export async function createTopic(
  cluster: string,
  request: CreateTopicRequest,
  actor: Principal,
): Promise<ConfigsResult<TopicCreated>> {
  const described = describeRequest(request);
  const audit = (outcome: "success" | "failure", details: Record<string, string | number>) =>
    request.validateOnly
      ? Promise.resolve()
      : recordAudit({
          actor: actor.actor,
          action: "topic.create",
          target: request.name,
          outcome,
          details: { cluster, ...described, ...details },
        });
  const result = await withClusterAdmin(
    cluster,
    async (admin) => {
      const controller = await controllerOf(admin);
      const checked = await sendCreate(admin, request, true, controller);
      if (request.validateOnly) return checked;
      const created = await sendCreate(admin, request, false, controller);
      await untilListed(admin, request.name);
      return created;
    },
    { cluster, operation: "CREATE", resourceName: request.name },
  );
  if (!result.ok) {
    const refusal = refusalOf(result.problem);
    await audit("failure", { code: refusal.code });
    return refusal;
  }
  const answered = result.data.topics[0];
  const created: TopicCreated = {
    cluster,
    name: request.name,
    topicId: request.validateOnly ? null : (answered?.topicId ?? null),
    partitions:
      answered?.numPartitions && answered.numPartitions > 0 ? answered.numPartitions : request.partitions,
    replicationFactor:
      answered?.replicationFactor && answered.replicationFactor > 0
        ? answered.replicationFactor
        : request.replicationFactor,
    configs: request.configs,
    validateOnly: request.validateOnly,
  };
  await audit("success", created.topicId ? { topicId: created.topicId } : {});
  return { ok: true, data: created };
}

/** Kafka has no secret topic configs today; a plugin's might be, and the audit must not keep it. */
const SECRET_NAME = /password|secret|credential/i;

/**
 * The brokers learn of a new topic from the controller a moment later (longer on Kafka 3.x): the
 * console waits until Metadata lists it, so the topic's page opened next finds it. Bounded: a topic
 * still unlisted after that is created all the same.
 */
async function untilListed(admin: Admin, topic: string, withinMs = 5_000) {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    const listed = await admin
      .metadata({ topics: [topic], forceUpdate: true, autocreateTopics: false, retries: 0 })
      .then((metadata) => metadata.topics.has(topic))
      .catch(() => false);
    if (listed) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function describeRequest(request: CreateTopicRequest) {
  return {
    partitions: request.partitions,
    replicationFactor: request.replicationFactor,
    configs: Object.entries(request.configs)
      .map(([name, value]) => `${name}=${SECRET_NAME.test(name) ? "(sensitive)" : value}`)
      .join("; ")
      .slice(0, 2000),
  };
}
