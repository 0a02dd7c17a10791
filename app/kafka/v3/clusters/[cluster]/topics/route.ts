// GET /kafka/v3/clusters/{cluster_id}/topics – Confluent v3 KafkaTopicList: every topic, internal ones included, from one Metadata request (viewer)
// POST /kafka/v3/clusters/{cluster_id}/topics – create a topic (topic_name, partitions_count, replication_factor, configs, validate_only) as the create form does (operator)
import { z } from "zod";

import {
  confluentError,
  confluentFailure,
  confluentJson,
  confluentRoute,
  CONFLUENT_CODES,
  kafkaTopic,
  kafkaTopicList,
  linksFor,
  resolveCluster,
  type ResolvedCluster,
  toCreateTopicRequest,
  v3CreateTopicSchema,
  withFields,
} from "@/lib/server/confluent";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string() });

// Metadata only (partitions_count, replication_factor, is_internal): no sizes, offsets or configs,
// so 10,000 topics cost one request, not a page of lookups per 500 topics.
export const GET = confluentRoute({ permission: "topic.view", params }, async (request, { params }) => {
  const cluster = await resolveCluster(params.cluster);
  if (cluster instanceof Response) return cluster;
  const result = await kafka.listTopicFacts(cluster.name);
  if (!result.ok) return confluentFailure(kafka.problemResult(result.problem));
  return confluentJson(request, kafkaTopicList(linksFor(request), cluster.clusterId, result.data));
});

/** The brokers' num.partitions and default.replication.factor, for a count the client left out. */
async function brokerDefaults(cluster: ResolvedCluster) {
  const fallback = { partitions: 1, replicationFactor: 1 };
  const broker = cluster.overview.brokers[0];
  if (!broker) return fallback;
  const configs = await kafka.describeConfigs(cluster.name, { type: "broker", id: broker.nodeId });
  if (!configs.ok) return fallback;
  const number = (name: string, otherwise: number) => {
    const value = Number(configs.data.find((entry) => entry.name === name)?.value);
    return Number.isInteger(value) && value > 0 ? value : otherwise;
  };
  return {
    partitions: number("num.partitions", 1),
    replicationFactor: number("default.replication.factor", 1),
  };
}

export const POST = confluentRoute(
  { permission: "topic.create", params, body: v3CreateTopicSchema },
  async (request, { params, body, principal }) => {
    const cluster = await resolveCluster(params.cluster);
    if (cluster instanceof Response) return cluster;
    const needsDefaults = body.partitions_count === undefined || body.replication_factor === undefined;
    const translated = toCreateTopicRequest(
      body,
      needsDefaults ? await brokerDefaults(cluster) : { partitions: 1, replicationFactor: 1 },
    );
    if (!translated.ok)
      return confluentError(
        422,
        CONFLUENT_CODES.invalidInput,
        withFields("The topic cannot be created as asked:", translated.fields),
      );
    const result = await kafka.createTopic(cluster.name, translated.request, principal);
    if (!result.ok) return confluentFailure(result);
    const topic = kafkaTopic(linksFor(request), cluster.clusterId, {
      name: result.data.name,
      internal: false,
      partitions: result.data.partitions,
      replicationFactor: result.data.replicationFactor,
    });
    return confluentJson(request, topic, translated.request.validateOnly ? 200 : 201);
  },
);
