import "server-only";

// The OpenAPI paths of the Confluent REST v2 positions (seek to an offset, to the beginning, to the
// end) and of manual assignments: each moves or names partitions assigned to the instance.
import type { JsonSchema } from "./openapi-parts";
import {
  confluentError,
  content,
  errors,
  instance,
  noContent,
  ref,
  summary,
} from "./openapi-confluent-v2-parts";

const notAssigned = {
  "409": confluentError(
    "A partition is not assigned to the instance (40903, naming it); no position changed",
  ),
};
const partitionsBody = (description: string) => ({
  required: true,
  content: content({
    type: "object",
    required: ["partitions"],
    properties: { partitions: { type: "array", items: ref("ConfluentV2Partition"), description } },
  }),
});

export function confluentV2PositionSchemas(): Record<string, JsonSchema> {
  return {
    ConfluentV2Partition: {
      type: "object",
      required: ["topic", "partition"],
      properties: { topic: { type: "string" }, partition: { type: "integer", minimum: 0 } },
    },
  };
}

/** POST …/assignments: added to the path's GET by openapi-confluent-v2.ts. */
export const assignPartitions = {
  summary: summary("Assign partitions manually, instead of subscribing"),
  description:
    "The instance reads exactly these partitions, outside the group's rebalances, from the group's committed offsets (else auto.offset.reset); commits go to the group. It replaces an earlier assignment; an empty list ends it. A subscription and an assignment are exclusive, as in Kafka: DELETE …/subscription first.",
  parameters: instance,
  requestBody: partitionsBody("The partitions to read"),
  responses: {
    ...noContent,
    ...errors,
    "404": confluentError(
      "Instance not found (40403), topic not found (40401) or partition not found (40402)",
    ),
    "409": confluentError("The instance has a subscription (40903: mutually exclusive)"),
  },
};

export function confluentV2PositionPaths(): Record<string, JsonSchema> {
  return {
    "/consumers/{group}/instances/{instance}/positions": {
      post: {
        summary: summary("Seek: the next GET …/records reads each partition from the given offset"),
        description:
          "Each offset is the next record to read. Every partition must be assigned to the instance now (by the group or manually), else nothing moves. A later commit without offsets commits these positions.",
        parameters: instance,
        requestBody: {
          required: true,
          content: content({
            type: "object",
            required: ["offsets"],
            properties: {
              offsets: {
                type: "array",
                items: {
                  type: "object",
                  required: ["topic", "partition", "offset"],
                  properties: {
                    topic: { type: "string" },
                    partition: { type: "integer", minimum: 0 },
                    offset: { type: "integer", minimum: 0 },
                  },
                },
              },
            },
          }),
        },
        responses: { ...noContent, ...errors, ...notAssigned },
      },
    },
    "/consumers/{group}/instances/{instance}/positions/beginning": {
      post: {
        summary: summary("Seek partitions to their first offset"),
        parameters: instance,
        requestBody: partitionsBody("Empty: every assigned partition"),
        responses: { ...noContent, ...errors, ...notAssigned },
      },
    },
    "/consumers/{group}/instances/{instance}/positions/end": {
      post: {
        summary: summary("Seek partitions to their end: only records written afterwards are read"),
        parameters: instance,
        requestBody: partitionsBody("Empty: every assigned partition"),
        responses: { ...noContent, ...errors, ...notAssigned },
      },
    },
  };
}
