// The Confluent Schema Registry API's shapes as the client answers them (subjects, versions, schemas,
// compatibility), shared by the client and the modules that use its answers.
import { COMPATIBILITY_LEVEL_NAMES, SCHEMA_TYPES } from "@/lib/schemas/schema-registry-evolve";

export type SchemaType = (typeof SCHEMA_TYPES)[number];

export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

export interface RegisteredSchema {
  id: number;
  schemaType: SchemaType;
  schema: string;
  references: SchemaReference[];
}

export interface SubjectVersion extends RegisteredSchema {
  subject: string;
  version: number;
}

export type VersionSelector = number | "latest";

export type CompatibilityLevel = (typeof COMPATIBILITY_LEVEL_NAMES)[number];

export interface CompatibilityCheck {
  compatible: boolean;
  /** The registry's reasons when not compatible (Confluent's `messages`, Apicurio's `reason`). */
  messages: string[];
}

export interface NewSchema {
  schema: string;
  /** AVRO when absent, as in the Confluent API. */
  schemaType?: SchemaType;
  references?: SchemaReference[];
}
