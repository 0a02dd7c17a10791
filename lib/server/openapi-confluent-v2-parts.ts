import "server-only";

// What the OpenAPI paths of the Confluent REST v2 consumer API share: its content types, the
// Confluent error answers, the instance's path parameters and the summaries' role note.
import { pathParameters, type JsonSchema } from "./openapi-parts";

export const V2_TYPES = [
  "application/vnd.kafka.v2+json",
  "application/vnd.kafka.json.v2+json",
  "application/vnd.kafka.binary.v2+json",
  "application/json",
];
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const content = (schema: JsonSchema) => Object.fromEntries(V2_TYPES.map((type) => [type, { schema }]));
export const confluentError = (description: string) => ({
  description,
  content: content(ref("ConfluentV2Error")),
});
export const errors = {
  "401": confluentError("No valid API token (Basic id:secret or Bearer): error_code 40101"),
  "403": confluentError("Role below operator: error_code 40301"),
  "404": confluentError(
    "Consumer instance not found (40403): deleted, closed when idle, another token's, or on another replica",
  ),
  "422": confluentError("Invalid input (42201), every field's problem in the message"),
};
export const noContent = { "204": { description: "Done" } };
export const instance = pathParameters("group", "instance");
export const summary = (text: string) => `${text} (operator; Confluent REST v2)`;
