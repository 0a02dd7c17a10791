// Producing with a registered schema: which subject and version encode the key or the value, the
// schema the form shows, and the check it runs as one types. Pure: the form uses it too.
import { z } from "zod";

/** A subject and a version (a number, or "latest" when absent). */
export const schemaChoiceSchema = z.object({
  subject: z
    .string()
    .trim()
    .min(1, "Choose a subject")
    .max(2048, "A subject name is at most 2048 characters"),
  version: z
    .union([z.literal("latest"), z.coerce.number().int().min(1, "A version is 1 or more")])
    .default("latest"),
});
export type SchemaChoice = z.infer<typeof schemaChoiceSchema>;
export type SchemaChoiceInput = z.input<typeof schemaChoiceSchema>;

/** GET …/schema-registry/produce-schema?subject=&version= */
export const produceSchemaQuerySchema = schemaChoiceSchema;

/** The schema a produce would use, and the subject's versions to choose from. */
export interface ProduceSchema {
  subject: string;
  version: number;
  id: number;
  schemaType: "AVRO" | "JSON" | "PROTOBUF";
  schema: string;
  references: { name: string; subject: string; version: number }[];
  versions: number[];
}

/** The form's check: one part (key or value) typed as JSON against a choice. */
export const schemaValueCheckSchema = z.object({
  cluster: z.string().min(1),
  choice: schemaChoiceSchema,
  text: z.string().max(10 * 1024 * 1024, "The value is larger than 10 MiB"),
});

/** What a check answers: fits, or the first problem and the field it is in ("$.lines[1].sku"). */
export type SchemaValueCheck =
  { fits: true; schemaId: number; version: number } | { fits: false; message: string; path?: string };

/** TopicNameStrategy: a topic's subjects, as the registry holds them. */
export type TopicSubjects =
  | { state: "not-configured" }
  | { state: "unavailable"; problem: { title: string; hint: string; code?: string } }
  | { state: "ok"; key?: string; value?: string };

export const keySubjectOf = (topic: string) => `${topic}-key`;
export const valueSubjectOf = (topic: string) => `${topic}-value`;

/** The topic a subject serves under TopicNameStrategy. */
export interface SubjectTopic {
  topic: string;
  part: "key" | "value";
  /** Whether the cluster has the topic; null when the cluster could not be asked. */
  exists: boolean | null;
}

/** The topic a subject names under TopicNameStrategy, and whether it is the key's or the value's. */
export function topicNameOfSubject(subject: string): { topic: string; part: "key" | "value" } | undefined {
  const match = /^(.+)-(key|value)$/.exec(subject);
  return match ? { topic: match[1]!, part: match[2] as "key" | "value" } : undefined;
}
