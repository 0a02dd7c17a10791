import "server-only";

// What openapi.ts lends the openapi-<area>.ts files (its builders, so errors and references read the
// same everywhere in the document), and the path parameters they all describe the same way.
import type { z } from "zod";

export type JsonSchema = Record<string, unknown>;

export interface OpenApiBuilders {
  jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema;
  ref(name: string): JsonSchema;
  answer(description: string, name: string): JsonSchema;
  problem(description: string): JsonSchema;
  readErrors: Record<string, JsonSchema>;
  writeErrors: Record<string, JsonSchema>;
}

/** Required string path parameters, by name. */
export const pathParameters = (...names: string[]) =>
  names.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
