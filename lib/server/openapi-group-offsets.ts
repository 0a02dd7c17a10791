import "server-only";

// The OpenAPI paths and schemas of a consumer group's offsets: reset (preview or apply), export and
// import. The request body comes from the zod schema the route validates with; openapi.ts lends its
// builders so errors and references read the same as everywhere else in the document.
import { EXPORT_FORMATS, groupResetBodySchema, RESET_MODES } from "@/lib/schemas/group-reset";

type JsonSchema = Record<string, unknown>;

export interface OpenApiParts {
  jsonSchema(schema: typeof groupResetBodySchema, io: "input" | "output"): JsonSchema;
  ref(name: string): JsonSchema;
  answer(description: string, name: string): JsonSchema;
  problem(description: string): JsonSchema;
  readErrors: Record<string, JsonSchema>;
  writeErrors: Record<string, JsonSchema>;
}

const groupPath = ["cluster", "group"].map((name) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string" },
}));

const offset = { type: "string", pattern: "^\\d+$", description: "A decimal string (offsets pass 2^53)" };
const nullableOffset = { type: ["string", "null"], pattern: "^\\d+$" };

const resetRowSchema: JsonSchema = {
  type: "object",
  required: [
    "topic",
    "partition",
    "currentOffset",
    "newOffset",
    "logStartOffset",
    "logEndOffset",
    "lagBefore",
    "lagAfter",
    "clamped",
    "note",
  ],
  properties: {
    topic: { type: "string" },
    partition: { type: "integer" },
    currentOffset: { ...nullableOffset, description: "The committed offset; null when none" },
    newOffset: offset,
    logStartOffset: offset,
    logEndOffset: offset,
    lagBefore: nullableOffset,
    lagAfter: offset,
    clamped: { type: "boolean", description: "The asked offset lay outside [log start, log end]" },
    note: { type: ["string", "null"], description: "Why the new offset is what it is, when not plain" },
  },
};

const previewSchema = (parts: OpenApiParts): JsonSchema => ({
  type: "object",
  required: ["cluster", "group", "exists", "type", "state", "dryRun", "rows"],
  properties: {
    cluster: { type: "string" },
    group: { type: "string" },
    exists: { type: "boolean", description: "false: the reset creates the group" },
    type: { type: ["string", "null"] },
    state: { type: ["string", "null"] },
    dryRun: { type: "boolean" },
    rows: { type: "array", items: parts.ref("GroupOffsetsResetRow") },
    applied: {
      type: "array",
      description: "Only when applied (dryRun false): each partition's committed offset before and after",
      items: {
        type: "object",
        properties: {
          topic: { type: "string" },
          partition: { type: "integer" },
          before: nullableOffset,
          after: offset,
        },
      },
    },
  },
});

export function groupOffsetsSchemas(parts: OpenApiParts): Record<string, JsonSchema> {
  return {
    GroupOffsetsReset: parts.jsonSchema(groupResetBodySchema, "input"),
    GroupOffsetsResetRow: resetRowSchema,
    GroupOffsetsPreview: previewSchema(parts),
  };
}

export function groupOffsetsPaths(parts: OpenApiParts): Record<string, JsonSchema> {
  const { answer, problem, readErrors, writeErrors, ref } = parts;
  const changeErrors = {
    ...writeErrors,
    "409": problem("NON_EMPTY_GROUP: the group has active members, named in the message"),
    "501": problem(
      "UNSUPPORTED_BY_CLUSTER: the cluster lacks ListGroups/DescribeGroups, or AlterShareGroupOffsets for a share group",
    ),
    "502": problem("The broker failed the request"),
  };
  return {
    "/api/v1/clusters/{cluster}/groups/{group}/offsets/reset": {
      post: {
        summary: "Preview or apply a reset of a consumer group's offsets (operator)",
        description: `Modes: ${RESET_MODES.join(", ")}. Scope: the group's committed partitions, or topic (and partitions). New offsets are clamped into each partition's [log start, log end] and flagged. dryRun (default true) answers the preview; false applies it, refused while the group has members.`,
        parameters: groupPath,
        requestBody: {
          required: true,
          content: { "application/json": { schema: ref("GroupOffsetsReset") } },
        },
        responses: {
          "200": answer("The preview, and what was applied", "GroupOffsetsPreview"),
          ...changeErrors,
        },
      },
    },
    "/api/v1/clusters/{cluster}/groups/{group}/offsets/export": {
      get: {
        summary: "A consumer group's committed offsets as a CSV or JSON file (viewer)",
        parameters: [
          ...groupPath,
          { name: "format", in: "query", schema: { type: "string", enum: EXPORT_FORMATS, default: "json" } },
        ],
        responses: {
          "200": {
            description:
              "CSV (topic,partition,offset, as Kafka's --export) or JSON {cluster, group, exportedAt, offsets}",
            content: {
              "text/csv": { schema: { type: "string" } },
              "application/json": { schema: { type: "object" } },
            },
          },
          ...readErrors,
          "404": problem("GROUP_ID_NOT_FOUND"),
        },
      },
    },
    "/api/v1/clusters/{cluster}/groups/{group}/offsets/import": {
      post: {
        summary: "Preview or restore offsets from an exported file (operator)",
        description:
          "The body is the file as export gives it (CSV or JSON, up to 5 MiB); each offset is clamped like a reset's.",
        parameters: [
          ...groupPath,
          { name: "dryRun", in: "query", schema: { type: "boolean", default: true } },
        ],
        requestBody: {
          required: true,
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/json": { schema: { type: "object" } },
          },
        },
        responses: {
          "200": answer("The preview, and what was applied", "GroupOffsetsPreview"),
          ...changeErrors,
          "413": problem("File over 5 MiB"),
          "422": problem("INVALID_OFFSETS_FILE, or partitions the cluster does not have"),
        },
      },
    },
  };
}
