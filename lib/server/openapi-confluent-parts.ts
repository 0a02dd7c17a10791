import "server-only";

// What the Confluent REST v3 OpenAPI files share: the content types both versions answer, references,
// answers and errors in Confluent's shape, list and config shapes.
import type { JsonSchema } from "./openapi-parts";

const TYPES = ["application/json", "application/vnd.kafka.v3+json"];
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const content = (schema: JsonSchema) => Object.fromEntries(TYPES.map((type) => [type, { schema }]));
export const answer = (description: string, name: string) => ({ description, content: content(ref(name)) });
/** An error answer whose body is the named `{error_code, message}` schema. */
export const errorWith = (schema: string) => (description: string) => ({
  description,
  content: content(ref(schema)),
});
export const related = { type: "object", properties: { related: { type: "string", format: "uri" } } };
export const metadata = {
  type: "object",
  properties: { self: { type: "string", format: "uri" }, resource_name: { type: "string" } },
};
export const listOf = (kind: string, item: string) => ({
  type: "object",
  required: ["kind", "metadata", "data"],
  properties: {
    kind: { const: kind },
    metadata: {
      type: "object",
      properties: { self: { type: "string", format: "uri" }, next: { type: ["string", "null"] } },
    },
    data: { type: "array", items: ref(item) },
  },
});
export const config = (kind: string, extra: Record<string, JsonSchema>) => ({
  type: "object",
  required: ["kind", "metadata", "cluster_id", "name", "value", "source"],
  properties: {
    kind: { const: kind },
    metadata,
    cluster_id: { type: "string" },
    ...extra,
    name: { type: "string" },
    value: { type: ["string", "null"], description: "null for a sensitive value" },
    is_default: { type: "boolean" },
    is_read_only: { type: "boolean" },
    is_sensitive: { type: "boolean" },
    source: { type: "string", description: "Kafka's ConfigSource, e.g. DYNAMIC_TOPIC_CONFIG" },
    synonyms: {
      type: "array",
      items: {
        type: "object",
        properties: {
          name: { type: "string" },
          value: { type: ["string", "null"] },
          source: { type: "string" },
        },
      },
    },
  },
});
