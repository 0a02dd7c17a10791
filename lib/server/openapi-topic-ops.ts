import "server-only";

// The OpenAPI paths and schemas of a topic's operations: adding partitions, deleting records (preview
// or apply) and deleting the topic. Request bodies come from the zod schemas the routes validate with;
// openapi.ts lends its builders so errors and references read the same as everywhere else.
import type { z } from "zod";

import { addPartitionsSchema, DELETE_RECORDS_MODES, deleteRecordsSchema } from "@/lib/schemas/topic-ops";

type JsonSchema = Record<string, unknown>;

export interface TopicOpsOpenApiParts {
  jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema;
  ref(name: string): JsonSchema;
  answer(description: string, name: string): JsonSchema;
  problem(description: string): JsonSchema;
  writeErrors: Record<string, JsonSchema>;
}

const topicPath = ["cluster", "topic"].map((name) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string" },
}));
const decimal = {
  type: ["string", "null"],
  pattern: "^\\d+$",
  description: "A decimal string (offsets pass 2^53)",
};

export function topicOpsSchemas({ jsonSchema }: TopicOpsOpenApiParts): Record<string, JsonSchema> {
  return {
    AddPartitions: jsonSchema(addPartitionsSchema, "input"),
    PartitionsAdded: {
      type: "object",
      required: ["cluster", "topic", "before", "after", "validateOnly"],
      properties: {
        cluster: { type: "string" },
        topic: { type: "string" },
        before: { type: "integer" },
        after: { type: "integer" },
        validateOnly: { type: "boolean", description: "True: only Kafka's check ran, nothing changed" },
      },
    },
    DeleteRecords: jsonSchema(deleteRecordsSchema, "input"),
    RecordsDeletePreview: {
      type: "object",
      required: ["cluster", "topic", "mode", "rows", "records", "dryRun"],
      properties: {
        cluster: { type: "string" },
        topic: { type: "string" },
        mode: { type: "string", enum: [...DELETE_RECORDS_MODES] },
        dryRun: { type: "boolean" },
        records: { ...decimal, type: "string", description: "Σ records that go" },
        rows: {
          type: "array",
          items: {
            type: "object",
            properties: {
              partition: { type: "integer" },
              lowBefore: decimal,
              highWatermark: decimal,
              newLow: { ...decimal, description: "The low watermark after the deletion" },
              records: { ...decimal, description: "newLow − lowBefore" },
              clamped: { type: "boolean", description: "The offset lay past the high watermark" },
              problem: {
                type: ["string", "null"],
                description: "Why the partition cannot change (no leader)",
              },
            },
          },
        },
        after: {
          type: "array",
          description: "dryRun false: the low watermarks Kafka answered with",
          items: {
            type: "object",
            properties: { partition: { type: "integer" }, lowWatermark: { type: "string" } },
          },
        },
      },
    },
    TopicDeleted: {
      type: "object",
      required: ["cluster", "topic", "deleted"],
      properties: {
        cluster: { type: "string" },
        topic: { type: "string" },
        partitions: { type: "integer" },
        deleted: { type: "boolean", const: true },
      },
    },
  };
}

export function topicOpsPaths({
  ref,
  answer,
  problem,
  writeErrors,
}: TopicOpsOpenApiParts): Record<string, JsonSchema> {
  const changeErrors = {
    ...writeErrors,
    "404": problem("No such cluster or topic (UNKNOWN_TOPIC_OR_PARTITION)"),
    "422": problem(
      "Invalid fields, an internal topic (INTERNAL_TOPIC), or Kafka's refusal with its code (INVALID_PARTITIONS, POLICY_VIOLATION)",
    ),
    "502": problem("The broker failed; the Kafka code is in error.code"),
  };
  const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
  return {
    "/api/v1/clusters/{cluster}/topics/{topic}": {
      delete: {
        summary: "Delete a topic (admin)",
        description:
          "Kafka's internal topics (__consumer_offsets, __transaction_state, __share_group_state) are refused. Audited as topic.delete.",
        parameters: topicPath,
        responses: { "200": answer("The topic is deleted", "TopicDeleted"), ...changeErrors },
      },
    },
    "/api/v1/clusters/{cluster}/topics/{topic}/partitions": {
      post: {
        summary: "Add partitions to a topic (operator)",
        description:
          "count is the new total and must be larger than now. Kafka checks it first (validateOnly); validateOnly true stops there. Keyed records written afterwards may go to other partitions. Audited as topic.partitions.",
        parameters: topicPath,
        requestBody: body("AddPartitions"),
        responses: { "200": answer("Checked, or added", "PartitionsAdded"), ...changeErrors },
      },
    },
    "/api/v1/clusters/{cluster}/topics/{topic}/records/delete": {
      post: {
        summary: "Preview or delete records of a topic (operator)",
        description: `Modes: ${DELETE_RECORDS_MODES.join(", ")} — before an offset, before a time (the first offset at or after it, from ListOffsets), or all; partitions absent means every partition. dryRun (default true) answers the preview; false deletes and answers the new low watermarks. An offset past the high watermark is brought back to it. Compacted-only topics are refused by Kafka (POLICY_VIOLATION). Audited as topic.deleteRecords with the low watermarks before and after.`,
        parameters: topicPath,
        requestBody: body("DeleteRecords"),
        responses: {
          "200": answer("The preview, and what was deleted", "RecordsDeletePreview"),
          ...changeErrors,
        },
      },
    },
  };
}
