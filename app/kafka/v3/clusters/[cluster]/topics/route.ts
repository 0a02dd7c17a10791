// GET /kafka/v3/clusters/{cluster_id}/topics – Confluent v3 KafkaTopicList: every topic, internal ones included (viewer)
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
  type TopicFacts,
  toCreateTopicRequest,
  v3CreateTopicSchema,
  withFields,
} from "@/lib/server/confluent";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string() });
/** The console's largest topic page; the list is read page by page up to this many topics. */
const PAGE_SIZE = 500;
const MAX_TOPICS = 100_000;

export const GET = confluentRoute({ permission: "topic.view", params }, async (request, { params }) => {
  const cluster = await resolveCluster(params.cluster);
  if (cluster instanceof Response) return cluster;
  const topics: TopicFacts[] = [];
  for (let page = 1; topics.length < MAX_TOPICS; page += 1) {
    const result = await kafka.listTopics(cluster.name, { page, pageSize: PAGE_SIZE, internal: true });
    if (!result.ok) return confluentFailure(kafka.problemResult(result.problem));
    topics.push(...result.data.topics);
    if (result.data.topics.length < PAGE_SIZE || topics.length >= result.data.total) break;
  }
  return confluentJson(request, kafkaTopicList(linksFor(request), cluster.clusterId, topics));
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
