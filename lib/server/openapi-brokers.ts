import "server-only";

// The OpenAPI paths and schemas of the brokers, a broker, the KRaft quorum with the cluster's features,
// and broker configs (per broker and the cluster-wide default). openapi.ts lends its builders so
// errors and references read the same as everywhere else.
import { pathParameters, type JsonSchema, type OpenApiBuilders } from "./openapi-parts";

const brokerParameters = [
  ...pathParameters("cluster"),
  {
    name: "broker",
    in: "path",
    required: true,
    schema: { type: "integer", minimum: 0 },
    description: "Node id",
  },
];
const decimal = (description: string) => ({ type: ["string", "null"], pattern: "^\\d+$", description });
const endpoint = {
  type: "object",
  properties: { listener: { type: "string" }, host: { type: "string" }, port: { type: "integer" } },
};
const brokerRow = {
  nodeId: { type: "integer" },
  host: { type: "string" },
  port: { type: "integer" },
  rack: { type: ["string", "null"] },
  isController: { type: "boolean" },
  leaderPartitions: { type: "integer" },
  replicaPartitions: { type: "integer" },
  logDirBytes: decimal("Sum of the online log dirs' sizes; null when not read"),
  offlineLogDirs: { type: "integer" },
};
const replica = {
  type: "object",
  properties: {
    nodeId: { type: "integer" },
    directoryId: { type: ["string", "null"] },
    logEndOffset: decimal("The replica's log end offset"),
    lag: decimal("The leader's log end offset minus this replica's"),
    lastFetchTimestamp: { type: ["integer", "null"], description: "Epoch ms" },
    lastCaughtUpTimestamp: { type: ["integer", "null"], description: "Epoch ms" },
    isLeader: { type: "boolean" },
    endpoints: { type: "array", items: endpoint },
  },
};
const unavailable = {
  type: "object",
  required: ["ok", "reason"],
  properties: { ok: { const: false }, reason: { type: "string" }, code: { type: "string" } },
};

export function brokersSchemas(): Record<string, JsonSchema> {
  return {
    BrokerList: {
      type: "object",
      required: ["cluster", "controllerId", "brokers", "logDirsUnavailable"],
      properties: {
        cluster: { type: "string" },
        controllerId: { type: "integer" },
        brokers: { type: "array", items: { type: "object", properties: brokerRow } },
        logDirsUnavailable: { type: ["string", "null"], description: "Why log dir sizes are missing" },
      },
    },
    BrokerDetails: {
      type: "object",
      required: ["cluster", "nodeId", "endpoints", "logDirs"],
      properties: {
        cluster: { type: "string" },
        ...brokerRow,
        endpoints: { type: "array", items: endpoint },
        logDirs: {
          oneOf: [
            {
              type: "object",
              required: ["ok", "dirs"],
              properties: {
                ok: { const: true },
                dirs: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      path: { type: "string" },
                      error: { type: ["string", "null"], description: "KAFKA_STORAGE_ERROR when offline" },
                      sizeBytes: decimal("Bytes of the replicas in the directory"),
                      partitions: { type: "integer" },
                      totalBytes: decimal("DescribeLogDirs v4 (Kafka 3.3+)"),
                      usableBytes: decimal("DescribeLogDirs v4 (Kafka 3.3+)"),
                    },
                  },
                },
              },
            },
            unavailable,
          ],
        },
      },
    },
    BrokerConfigs: {
      type: "object",
      required: ["cluster", "configs"],
      properties: {
        cluster: { type: "string" },
        broker: { type: "integer", description: "Absent for the cluster-wide default" },
        configs: { $ref: "#/components/schemas/TopicConfigs/properties/configs" },
      },
    },
    QuorumAndFeatures: {
      type: "object",
      required: ["cluster", "quorum", "features"],
      properties: {
        cluster: { type: "string" },
        quorum: {
          oneOf: [
            {
              type: "object",
              required: ["ok", "data"],
              properties: {
                ok: { const: true },
                data: {
                  type: "object",
                  properties: {
                    leaderId: { type: "integer" },
                    leaderEpoch: { type: "integer" },
                    highWatermark: { type: "string", pattern: "^-?\\d+$" },
                    voters: { type: "array", items: replica },
                    observers: { type: "array", items: replica },
                  },
                },
              },
            },
            unavailable,
          ],
        },
        features: {
          oneOf: [
            {
              type: "object",
              required: ["ok", "features"],
              properties: {
                ok: { const: true },
                epoch: { type: ["string", "null"] },
                features: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      name: { type: "string" },
                      finalized: {
                        type: ["object", "null"],
                        properties: {
                          minVersionLevel: { type: "integer" },
                          maxVersionLevel: { type: "integer" },
                        },
                      },
                      supported: {
                        type: ["object", "null"],
                        properties: { minVersion: { type: "integer" }, maxVersion: { type: "integer" } },
                      },
                    },
                  },
                },
              },
            },
            unavailable,
          ],
        },
      },
    },
  };
}

export function brokersPaths({ ref, answer, problem, readErrors, writeErrors }: OpenApiBuilders) {
  const body = { required: true, content: { "application/json": { schema: ref("AlterConfigs") } } };
  const alterErrors = {
    ...writeErrors,
    "403": problem(
      "Role too low (admin), or the console's identity may not alter the cluster's configs (CLUSTER_AUTHORIZATION_FAILED)",
    ),
    "404": problem("No such cluster or broker (BROKER_NOT_AVAILABLE)"),
    "422": problem(
      "Invalid fields; a static config (CONFIG_READ_ONLY, or Kafka's INVALID_REQUEST 'Cannot update these configs dynamically'); a value Kafka refuses (INVALID_REQUEST, INVALID_CONFIG); nothing changed",
    ),
    "502": problem("The broker failed; the Kafka code is in error.code"),
  };
  const alter = (whose: string) => ({
    summary: `Change ${whose} dynamic configs incrementally (admin)`,
    description:
      "set: values to set (IncrementalAlterConfigs SET), only those that differ from now are sent; reset: names to return to their default (DELETE). validateOnly true lets Kafka check without changing. Audited as broker.configure with before and after.",
    requestBody: body,
    responses: { "200": answer("The changes, old → new", "ConfigsAltered"), ...alterErrors },
  });
  return {
    "/api/v1/clusters/{cluster}/brokers/{broker}/configs": {
      get: {
        summary: "The broker's configs with value, source, type, flags, documentation and default (viewer)",
        parameters: brokerParameters,
        responses: {
          "200": answer("The configs, by name", "BrokerConfigs"),
          ...readErrors,
          "404": problem("No such cluster or broker (BROKER_NOT_AVAILABLE)"),
        },
      },
      patch: { ...alter("the broker's"), parameters: brokerParameters },
    },
    "/api/v1/clusters/{cluster}/broker-defaults/configs": {
      get: {
        summary: "The cluster-wide broker default configs (those set dynamically for every broker) (viewer)",
        parameters: pathParameters("cluster"),
        responses: {
          "200": answer("The configs, by name", "BrokerConfigs"),
          ...readErrors,
          "404": problem("No such cluster is configured"),
        },
      },
      patch: { ...alter("the cluster-wide default"), parameters: pathParameters("cluster") },
    },
    "/api/v1/clusters/{cluster}/brokers": {
      get: {
        summary:
          "Every broker with address, rack, controller, partitions led and replicated and log dir total (viewer)",
        parameters: pathParameters("cluster"),
        responses: {
          "200": answer("The brokers", "BrokerList"),
          ...readErrors,
          "404": problem("No such cluster is configured"),
        },
      },
    },
    "/api/v1/clusters/{cluster}/brokers/{broker}": {
      get: {
        summary: "One broker with its endpoints and log dirs (size, total and free space, offline) (viewer)",
        parameters: brokerParameters,
        responses: {
          "200": answer("The broker", "BrokerDetails"),
          ...readErrors,
          "404": problem("No such broker (BROKER_NOT_FOUND) or cluster"),
          "422": problem("The broker id is not a node id"),
        },
      },
    },
    "/api/v1/clusters/{cluster}/quorum": {
      get: {
        summary:
          "The KRaft quorum (leader, epoch, high watermark, voters and observers with lag) and the cluster's features (viewer)",
        description:
          "Each part is { ok: false, reason, code? } when the cluster lacks DescribeQuorum or ApiVersions v3, is not KRaft, or refuses (CLUSTER_AUTHORIZATION_FAILED).",
        parameters: pathParameters("cluster"),
        responses: {
          "200": answer("The quorum and features", "QuorumAndFeatures"),
          ...readErrors,
          "404": problem("No such cluster is configured"),
        },
      },
    },
  };
}
