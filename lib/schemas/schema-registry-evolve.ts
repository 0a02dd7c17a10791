// Inputs that change a registry (register, compatibility, deletes) and the browse answers, shared by
// the forms, the server actions and the REST routes.
import { z } from "zod";

export const SCHEMA_TYPES = ["AVRO", "JSON", "PROTOBUF"] as const;
export const COMPATIBILITY_LEVEL_NAMES = [
  "NONE",
  "BACKWARD",
  "BACKWARD_TRANSITIVE",
  "FORWARD",
  "FORWARD_TRANSITIVE",
  "FULL",
  "FULL_TRANSITIVE",
] as const;

/** 1 MiB of schema text is far past any real schema; the registry bounds it too. */
const MAX_SCHEMA_LENGTH = 1_048_576;

export const subjectNameSchema = z
  .string()
  .min(1, "A subject name is required")
  .max(2048, "A subject name is at most 2048 characters");

export const schemaReferenceSchema = z.object({
  name: z.string().min(1, "A reference needs the name the schema imports it by").max(2048),
  subject: subjectNameSchema,
  version: z.coerce.number().int().min(1, "A reference's version is 1 or more"),
});

/** A schema to check or register; `references` may arrive as JSON text from a form. */
export const newSchemaSchema = z.object({
  schemaType: z.enum(SCHEMA_TYPES).default("AVRO"),
  schema: z.string().trim().min(1, "Enter the schema").max(MAX_SCHEMA_LENGTH, "The schema is over 1 MiB"),
  references: z
    .preprocess(
      (value) => {
        if (typeof value !== "string") return value;
        if (value.trim() === "") return [];
        try {
          return JSON.parse(value);
        } catch {
          return value;
        }
      },
      z
        .array(schemaReferenceSchema, {
          error: 'References are a JSON list: [{"name", "subject", "version"}]',
        })
        .max(100),
    )
    .default([]),
});
export type NewSchemaInput = z.infer<typeof newSchemaSchema>;

export const compatibilityLevelSchema = z.enum(COMPATIBILITY_LEVEL_NAMES, {
  error: "Choose NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE",
});

/** PUT …/config: `{"compatibility": "BACKWARD"}`, as in the Confluent API. */
export const compatibilityBodySchema = z.object({ compatibility: compatibilityLevelSchema });

/** `?permanent=true`: a hard delete, after a soft one. */
export const permanentQuerySchema = z.object({
  permanent: z
    .enum(["true", "false"], { error: "permanent is true or false" })
    .optional()
    .transform((value) => value === "true"),
});

export const versionParamSchema = z.coerce
  .number({ error: "A version is a whole number" })
  .int("A version is a whole number")
  .min(1, "Versions start at 1");

export const schemaIdParamSchema = z.coerce
  .number({ error: "A schema id is a whole number" })
  .int("A schema id is a whole number")
  .min(0, "A schema id is 0 or more");

export const subjectVersionSchema = z.object({
  subject: z.string(),
  version: z.number().int(),
  id: z.number().int(),
  schemaType: z.enum(SCHEMA_TYPES),
  schema: z.string(),
  references: z.array(z.object({ name: z.string(), subject: z.string(), version: z.number().int() })),
});

export const subjectVersionsSchema = z.object({
  subject: z.string(),
  versions: z.array(z.number().int()).describe("Live versions, ascending"),
  deleted: z.array(z.number().int()).describe("Soft-deleted versions (may be deleted permanently)"),
});

export const compatibilityCheckSchema = z.object({
  compatible: z.boolean(),
  messages: z.array(z.string()).describe("The registry's reasons (Confluent's messages, Apicurio's reason)"),
});

export const compatibilityAnswerSchema = z.object({
  subject: z.string().nullable().describe("null for the global level"),
  compatibility: z.string().describe("The level that applies"),
  inherited: z.boolean().describe("True when the subject has no level of its own: the global one applies"),
});

export const schemaByIdSchema = z.object({
  id: z.number().int(),
  schemaType: z.enum(SCHEMA_TYPES),
  schema: z.string(),
  references: z.array(z.object({ name: z.string(), subject: z.string(), version: z.number().int() })),
  usedBy: z.array(z.object({ subject: z.string(), version: z.number().int() })),
});
