import "server-only";

// The OpenAPI paths and schemas of the consumer groups themselves: the list (with its topic filter),
// one group with lag and time lag, deleting a group and deleting one topic's offsets from it. The list's
// query parameters come from its zod schema (openapi.ts converts it); answers are described here.
import { PAGE_TIME_LAG_PARTITIONS } from "./kafka/time-lag-math";
import { pathParameters, type JsonSchema } from "./openapi-parts";

export interface GroupsOpenApiParts {
  answer(description: string, name: string): JsonSchema;
  problem(description: string): JsonSchema;
  readErrors: Record<string, JsonSchema>;
  /** The list's query parameters, from groupListQuerySchema. */
  listQuery: JsonSchema[];
}

const decimal = {
  type: ["string", "null"],
  pattern: "^\\d+$",
  description: "A decimal string (offsets pass 2^53)",
};
const ms = (description: string) => ({ type: ["integer", "null"], minimum: 0, description });

const summaryProperties = {
  id: { type: "string" },
  type: { type: "string", description: "classic, consumer (KIP-848), share or streams" },
  state: { type: "string" },
  protocolType: { type: "string" },
  protocol: { type: ["string", "null"] },
  coordinator: { type: ["integer", "null"] },
  topics: { type: ["array", "null"], items: { type: "string" } },
  totalLag: decimal,
  unavailable: { type: "string", description: "What could not be read, naming the API" },
};

export function groupsSchemas(): Record<string, JsonSchema> {
  return {
    GroupPage: {
      type: "object",
      required: ["cluster", "total", "page", "pageSize", "sort", "groups"],
      properties: {
        cluster: { type: "string" },
        total: { type: "integer" },
        page: { type: "integer" },
        pageSize: { type: "integer" },
        sort: { type: "string", enum: ["name", "lag", "members"] },
        groups: {
          type: "array",
          items: {
            type: "object",
            properties: {
              ...summaryProperties,
              members: { type: ["integer", "null"] },
              maxTimeLagMs: ms(
                `The group's largest partition time lag; null when none is known or the page lags on more than ${PAGE_TIME_LAG_PARTITIONS} partitions`,
              ),
            },
          },
        },
      },
    },
    GroupDetails: {
      type: "object",
      required: ["cluster", "id", "type", "state", "members", "partitions", "maxTimeLagMs"],
      properties: {
        cluster: { type: "string" },
        ...summaryProperties,
        members: { type: ["array", "null"], items: { type: "object" } },
        maxTimeLagMs: ms("The largest partition time lag; null when none is known"),
        partitions: {
          type: "array",
          items: {
            type: "object",
            properties: {
              topic: { type: "string" },
              partition: { type: "integer" },
              committedOffset: decimal,
              logEndOffset: decimal,
              lag: decimal,
              timeLagMs: ms(
                "How old the next record to consume is (its timestamp against now); null when caught up or unreadable",
              ),
              assignedTo: { type: "string" },
              metadata: { type: ["string", "null"] },
            },
          },
        },
      },
    },
    GroupDeleted: {
      type: "object",
      required: ["cluster", "groupId", "deleted"],
      properties: { cluster: { type: "string" }, groupId: { type: "string" }, deleted: { const: true } },
    },
    GroupTopicOffsetsDeleted: {
      type: "object",
      required: ["cluster", "groupId", "topic", "offsets", "deleted"],
      properties: {
        cluster: { type: "string" },
        groupId: { type: "string" },
        topic: { type: "string" },
        offsets: {
          type: "array",
          description: "The committed offsets that went",
          items: {
            type: "object",
            properties: { partition: { type: "integer" }, offset: { type: "string", pattern: "^\\d+$" } },
          },
        },
        deleted: { const: true },
      },
    },
  };
}

export function groupsPaths({ answer, problem, readErrors, listQuery }: GroupsOpenApiParts) {
  const unsupported = problem("The cluster lacks ListGroups or DescribeGroups (UNSUPPORTED_BY_CLUSTER)");
  return {
    "/api/v1/clusters/{cluster}/groups": {
      get: {
        summary:
          "One page of consumer groups with type, state, members, total lag and largest time lag (viewer)",
        description:
          "topic= keeps the groups with committed offsets on that topic (OffsetFetch of every listed group, many per request).",
        parameters: [...pathParameters("cluster"), ...listQuery],
        responses: {
          "200": answer("The page", "GroupPage"),
          ...readErrors,
          "404": problem("No such cluster is configured"),
          "422": problem("Invalid query"),
          "501": unsupported,
        },
      },
    },
    "/api/v1/clusters/{cluster}/groups/{group}": {
      get: {
        summary:
          "A group's members and, per partition, committed offset, log end offset, lag and time lag (viewer)",
        parameters: pathParameters("cluster", "group"),
        responses: {
          "200": answer("The group", "GroupDetails"),
          ...readErrors,
          "404": problem("No such group (GROUP_ID_NOT_FOUND) or cluster"),
          "501": unsupported,
        },
      },
      delete: {
        summary: "Delete the group while it has no members (admin; audited)",
        parameters: pathParameters("cluster", "group"),
        responses: {
          "200": answer("Deleted", "GroupDeleted"),
          ...readErrors,
          "404": problem("No such group (GROUP_ID_NOT_FOUND) or cluster"),
          "409": problem("The group has members, named in the message (NON_EMPTY_GROUP)"),
          "422": problem("A share group (UNSUPPORTED_GROUP_TYPE)"),
        },
      },
    },
    "/api/v1/clusters/{cluster}/groups/{group}/topics/{topic}/offsets": {
      delete: {
        summary: "Delete the group's committed offsets of one topic, every partition (admin; audited)",
        parameters: pathParameters("cluster", "group", "topic"),
        responses: {
          "200": answer("The offsets that went", "GroupTopicOffsetsDeleted"),
          ...readErrors,
          "404": problem("No such group, or no committed offsets for the topic (NO_COMMITTED_OFFSETS)"),
          "409": problem(
            "Members read the topic, named in the message (GROUP_SUBSCRIBED_TO_TOPIC): Kafka refuses while any is subscribed",
          ),
          "422": problem("Invalid topic name, or a share group"),
        },
      },
    },
  };
}
