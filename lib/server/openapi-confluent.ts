import "server-only";

// The OpenAPI paths of the Confluent REST v3 clusters, topics, partitions, configs and
// brokers routes (/kafka/v3/clusters/…, also served under /v3); their shapes are in openapi-confluent-schemas.ts.
import { answer, content, errorWith, ref } from "./openapi-confluent-parts";
import { pathParameters, type JsonSchema } from "./openapi-parts";

const error = errorWith("ConfluentV3Error");
const readErrors = {
  "401": error("No valid API token (Basic id:secret or Bearer): error_code 40101"),
  "403": error("Role too low: error_code 40301"),
  "404": error("Cluster or broker (404), topic (40401), partition (40402) or config (404) not found"),
};
const writeErrors = {
  ...readErrors,
  "400": error(
    "Malformed JSON (400), or Kafka refused the request (40002: exists, replication factor, policy, config)",
  ),
  "422": error("Invalid input: error_code 42201 with each field's problem"),
};
const noContent = { "204": { description: "Done" } };

const summary = (text: string, role: string) => `${text} (${role}; Confluent REST v3)`;
const body = (name: string) => ({ required: true, content: content(ref(name)) });

/** get / put / delete of one config, `who` naming whose. */
function configPaths(parameters: JsonSchema[], who: string, kind: string, changeRole: string) {
  return {
    get: {
      summary: summary(`One config of ${who}`, "viewer"),
      parameters,
      responses: { "200": answer(kind, kind), ...readErrors },
    },
    put: {
      summary: summary(`Set one config of ${who}; null resets it`, changeRole),
      parameters,
      requestBody: body("ConfluentUpdateConfig"),
      responses: { ...noContent, ...writeErrors },
    },
    delete: {
      summary: summary(`Reset one config of ${who} to its default`, changeRole),
      parameters,
      responses: { ...noContent, ...readErrors },
    },
  };
}

export function confluentPaths(): Record<string, unknown> {
  const clusters = "/kafka/v3/clusters";
  const cluster = `${clusters}/{cluster_id}`;
  const topic = `${cluster}/topics/{topic_name}`;
  const broker = `${cluster}/brokers/{broker_id}`;
  const c = pathParameters("cluster_id");
  const t = pathParameters("cluster_id", "topic_name");
  const b = [
    ...c,
    { name: "broker_id", in: "path", required: true, schema: { type: "integer", minimum: 0 } },
  ];
  const name = pathParameters("name");
  return {
    [clusters]: {
      get: {
        summary: summary("The clusters that answer; also under /v3/clusters", "viewer"),
        responses: { "200": answer("KafkaClusterList", "ConfluentKafkaClusterList"), ...readErrors },
      },
    },
    [cluster]: {
      get: {
        summary: summary("A cluster by Kafka cluster id or the console's cluster name", "viewer"),
        parameters: c,
        responses: { "200": answer("KafkaCluster", "ConfluentKafkaCluster"), ...readErrors },
      },
    },
    [`${cluster}/topics`]: {
      get: {
        summary: summary("Every topic, internal ones included", "viewer"),
        description:
          "Read from one Metadata request whatever the number of topics: partitions_count, replication_factor and is_internal; no sizes, offsets or configs.",
        parameters: c,
        responses: { "200": answer("KafkaTopicList", "ConfluentKafkaTopicList"), ...readErrors },
      },
      post: {
        summary: summary(
          "Create a topic (checked by Kafka first), or only check it with validate_only",
          "operator",
        ),
        parameters: c,
        requestBody: body("ConfluentCreateTopic"),
        responses: {
          "201": answer("Created: KafkaTopic", "ConfluentKafkaTopic"),
          "200": answer("validate_only: what would be created", "ConfluentKafkaTopic"),
          ...writeErrors,
        },
      },
    },
    [topic]: {
      get: {
        summary: summary("A topic", "viewer"),
        parameters: t,
        responses: { "200": answer("KafkaTopic", "ConfluentKafkaTopic"), ...readErrors },
      },
      delete: {
        summary: summary("Delete a topic; internal topics are refused", "admin"),
        parameters: t,
        responses: { ...noContent, ...writeErrors },
      },
    },
    [`${topic}/partitions`]: {
      get: {
        summary: summary("The topic's partitions", "viewer"),
        parameters: t,
        responses: { "200": answer("KafkaPartitionList", "ConfluentKafkaPartitionList"), ...readErrors },
      },
    },
    [`${topic}/partitions/{partition_id}`]: {
      get: {
        summary: summary("One partition", "viewer"),
        parameters: [
          ...t,
          { name: "partition_id", in: "path", required: true, schema: { type: "integer", minimum: 0 } },
        ],
        responses: { "200": answer("KafkaPartition", "ConfluentKafkaPartition"), ...readErrors },
      },
    },
    [`${topic}/configs`]: {
      get: {
        summary: summary("Every config of the topic", "viewer"),
        parameters: t,
        responses: { "200": answer("KafkaTopicConfigList", "ConfluentKafkaTopicConfigList"), ...readErrors },
      },
    },
    [`${topic}/configs/{name}`]: configPaths(
      [...t, ...name],
      "the topic",
      "ConfluentKafkaTopicConfig",
      "operator",
    ),
    [`${topic}/configs:alter`]: {
      post: {
        summary: summary("Set and reset several of the topic's configs in one change", "operator"),
        parameters: t,
        requestBody: body("ConfluentAlterConfigBatch"),
        responses: { ...noContent, ...writeErrors },
      },
    },
    [`${cluster}/brokers`]: {
      get: {
        summary: summary("The brokers", "viewer"),
        parameters: c,
        responses: { "200": answer("KafkaBrokerList", "ConfluentKafkaBrokerList"), ...readErrors },
      },
    },
    [broker]: {
      get: {
        summary: summary("A broker", "viewer"),
        parameters: b,
        responses: { "200": answer("KafkaBroker", "ConfluentKafkaBroker"), ...readErrors },
      },
    },
    [`${broker}/configs`]: {
      get: {
        summary: summary("Every config of the broker", "viewer"),
        parameters: b,
        responses: {
          "200": answer("KafkaBrokerConfigList", "ConfluentKafkaBrokerConfigList"),
          ...readErrors,
        },
      },
    },
    [`${broker}/configs/{name}`]: configPaths(
      [...b, ...name],
      "the broker",
      "ConfluentKafkaBrokerConfig",
      "admin",
    ),
    [`${broker}/configs:alter`]: {
      post: {
        summary: summary("Set and reset several of the broker's configs in one change", "admin"),
        parameters: b,
        requestBody: body("ConfluentAlterConfigBatch"),
        responses: { ...noContent, ...writeErrors },
      },
    },
    [`${cluster}/broker-configs:alter`]: {
      post: {
        summary: summary("Set and reset several cluster-wide broker defaults in one change", "admin"),
        parameters: c,
        requestBody: body("ConfluentAlterConfigBatch"),
        responses: { ...noContent, ...writeErrors },
      },
    },
    [`${cluster}/broker-configs`]: {
      get: {
        summary: summary("The cluster-wide broker defaults that are set", "viewer"),
        parameters: c,
        responses: {
          "200": answer("KafkaClusterConfigList", "ConfluentKafkaClusterConfigList"),
          ...readErrors,
        },
      },
    },
    [`${cluster}/broker-configs/{name}`]: configPaths(
      [...c, ...name],
      "the cluster-wide broker defaults",
      "ConfluentKafkaClusterConfig",
      "admin",
    ),
  };
}
