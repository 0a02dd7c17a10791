// The bodies Confluent v3 clients send, checked with zod, and their translation into the console's
// own requests (lib/schemas/topic-create.ts, lib/schemas/configs.ts), whose checks then run as on the pages.
import { z } from "zod";

import { fieldErrorsOf } from "@/lib/errors";
import { type AlterConfigsRequest, configNameSchema, configValueSchema } from "@/lib/schemas/configs";
import { createTopicSchema, type CreateTopicRequest } from "@/lib/schemas/topic-create";

const MAX_CONFIGS = 200;

/** CreateTopicRequest: topic_name, partitions_count, replication_factor, configs [{name, value}], validate_only. */
export const v3CreateTopicSchema = z.object({
  topic_name: z.string({ message: "topic_name is required: the new topic's name." }),
  partitions_count: z.number().int().optional(),
  replication_factor: z.number().int().optional(),
  configs: z
    .array(z.object({ name: configNameSchema, value: configValueSchema.nullable() }))
    .max(MAX_CONFIGS, `At most ${MAX_CONFIGS} configs.`)
    .default([]),
  validate_only: z.boolean().default(false),
});
export type V3CreateTopic = z.output<typeof v3CreateTopicSchema>;

/** The console's field names → Confluent's, for messages about the translated request. */
const CREATE_FIELDS: Record<string, string> = {
  name: "topic_name",
  partitions: "partitions_count",
  replicationFactor: "replication_factor",
  configs: "configs",
  validateOnly: "validate_only",
};

/**
 * The console's CreateTopicRequest, checked by its own schema (the form's rules for names, counts
 * and configs); `defaults` fill a count the client left out (the brokers' num.partitions and
 * default.replication.factor). Field errors come back under Confluent's names.
 */
export function toCreateTopicRequest(
  body: V3CreateTopic,
  defaults: { partitions: number; replicationFactor: number },
): { ok: true; request: CreateTopicRequest } | { ok: false; fields: Record<string, string[]> } {
  const parsed = createTopicSchema.safeParse({
    name: body.topic_name,
    partitions: body.partitions_count ?? defaults.partitions,
    replicationFactor: body.replication_factor ?? defaults.replicationFactor,
    configs: Object.fromEntries(
      body.configs.flatMap((config) => (config.value === null ? [] : [[config.name, config.value]])),
    ),
    validateOnly: body.validate_only,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const fields: Record<string, string[]> = {};
  for (const [path, problems] of Object.entries(fieldErrorsOf(parsed.error))) {
    const [head = "", ...rest] = path.split(".");
    fields[[CREATE_FIELDS[head] ?? head, ...rest].join(".")] = problems;
  }
  return { ok: false, fields };
}

/** UpdateConfigRequest: PUT …/configs/{name} with {"value"}. */
export const v3UpdateConfigSchema = z.object({
  value: z.union([configValueSchema, z.null()], {
    message: "value is required: the config's new value, as text.",
  }),
});

/** AlterConfigBatchRequest: POST …/configs:alter with {"data": [{name, value?, operation?}], validate_only?}. */
export const v3AlterConfigsSchema = z.object({
  data: z
    .array(
      z.object({
        name: configNameSchema,
        value: configValueSchema.nullable().optional(),
        operation: z
          .string()
          .transform((operation) => operation.toUpperCase())
          .pipe(z.enum(["SET", "DELETE"], { message: "operation is SET or DELETE." }))
          .default("SET"),
      }),
    )
    .min(1, "data lists at least one config.")
    .max(MAX_CONFIGS, `At most ${MAX_CONFIGS} configs at once.`),
  validate_only: z.boolean().default(false),
});
export type V3AlterConfigs = z.output<typeof v3AlterConfigsSchema>;

/** The console's incremental change for a batch; a SET without a value is refused by name. */
export function toAlterConfigsRequest(
  body: V3AlterConfigs,
): { ok: true; request: AlterConfigsRequest } | { ok: false; message: string } {
  const set: Record<string, string> = {};
  const reset: string[] = [];
  for (const entry of body.data) {
    if (Object.hasOwn(set, entry.name) || reset.includes(entry.name))
      return { ok: false, message: `Config ${entry.name} is listed twice; list each config once.` };
    if (entry.operation === "DELETE") reset.push(entry.name);
    else if (entry.value === undefined || entry.value === null)
      return { ok: false, message: `Config ${entry.name}: operation SET needs a value.` };
    else set[entry.name] = entry.value;
  }
  return { ok: true, request: { set, reset, validateOnly: body.validate_only } };
}
