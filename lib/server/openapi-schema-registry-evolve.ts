import "server-only";

// The OpenAPI paths for browsing and evolving a registry's subjects (issue 19): versions, a version,
// a schema by id, compatibility checks, registration, levels and soft/hard deletes.
import { pathParameters, type JsonSchema, type OpenApiBuilders } from "./openapi-parts";

const BASE = "/api/v1/clusters/{cluster}/schema-registry";

export function schemaRegistryEvolvePaths(
  { answer, problem, ref, readErrors, writeErrors }: OpenApiBuilders,
  registryErrors: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
  const permanent = {
    name: "permanent",
    in: "query",
    required: false,
    schema: { type: "string", enum: ["true", "false"], default: "false" },
    description: "true: a hard delete, allowed only after a soft one",
  };
  const readAnswers = (description: string, name: string) => ({
    "200": answer(description, name),
    ...readErrors,
    ...registryErrors,
    "404": problem(
      "No such cluster (UNKNOWN_CLUSTER), no registry (SCHEMA_REGISTRY_NOT_CONFIGURED), or the subject, version or id is unknown (SCHEMA_REGISTRY_NOT_FOUND, registryCode 40401/40402/40403)",
    ),
  });
  const changeAnswers = (description: string, name: string, status = "200") => ({
    [status]: answer(description, name),
    ...writeErrors,
    ...registryErrors,
    "404": problem("No such cluster, no registry, or the subject or version is unknown"),
    "409": problem(
      "The registry refused: incompatible (409), not soft-deleted first (40405/40407), referenced (42206) — SCHEMA_REGISTRY_CONFLICT",
    ),
    "422": problem(
      "Invalid input, or the registry found the schema invalid (SCHEMA_REGISTRY_INVALID, 42201)",
    ),
  });
  return {
    [`${BASE}/subjects/{subject}`]: {
      delete: {
        summary: "Soft-delete a subject, or hard-delete a soft-deleted one (admin)",
        description:
          "Audited as schema.delete with the versions removed and soft/hard. Answers {subject, versions, permanent}.",
        parameters: [...pathParameters("cluster", "subject"), permanent],
        responses: changeAnswers("The versions deleted", "SchemaRegistryVersions"),
      },
    },
    [`${BASE}/subjects/{subject}/versions`]: {
      get: {
        summary: "A subject's versions, live and soft-deleted (viewer)",
        parameters: pathParameters("cluster", "subject"),
        responses: readAnswers("The versions", "SchemaRegistryVersions"),
      },
      post: {
        summary: "Register a schema as the subject's next version (operator)",
        description:
          "The registry checks compatibility under the level that applies and refuses an incompatible schema (409). Audited as schema.register. Answers 201 {subject, id, version}.",
        parameters: pathParameters("cluster", "subject"),
        requestBody: body("SchemaRegistryNewSchema"),
        responses: changeAnswers(
          "Registered (or the identical existing version)",
          "SchemaRegistryVersion",
          "201",
        ),
      },
    },
    [`${BASE}/subjects/{subject}/versions/{version}`]: {
      get: {
        summary: "One version of a subject: a number or latest; soft-deleted versions too (viewer)",
        parameters: pathParameters("cluster", "subject", "version"),
        responses: readAnswers("The version", "SchemaRegistryVersion"),
      },
      delete: {
        summary: "Soft-delete a version, or hard-delete a soft-deleted one (admin)",
        description: "Audited as schema.delete with the version, its schema id and soft/hard.",
        parameters: [...pathParameters("cluster", "subject", "version"), permanent],
        responses: changeAnswers("Deleted", "SchemaRegistryVersion"),
      },
    },
    [`${BASE}/subjects/{subject}/compatibility`]: {
      post: {
        summary:
          "Check a schema against the subject's latest version under its level; changes nothing (viewer)",
        description:
          "Answers {compatible, messages, firstVersion}: messages are the registry's reasons (Confluent's messages, Apicurio's reason); a subject without versions takes any schema (firstVersion true).",
        parameters: pathParameters("cluster", "subject"),
        requestBody: body("SchemaRegistryNewSchema"),
        responses: {
          ...readAnswers("The check", "SchemaRegistryCheck"),
          "422": problem("Invalid schema or input"),
        },
      },
    },
    [`${BASE}/config`]: {
      get: {
        summary: "The global compatibility level and mode (viewer)",
        parameters: pathParameters("cluster"),
        responses: readAnswers("The level", "SchemaRegistryCompatibility"),
      },
      put: {
        summary: "Set the global compatibility level (admin)",
        description: "Audited as schema.compatibility with the level before and after.",
        parameters: pathParameters("cluster"),
        requestBody: body("SchemaRegistryCompatibilityBody"),
        responses: changeAnswers("Set", "SchemaRegistryCompatibility"),
      },
    },
    [`${BASE}/config/{subject}`]: {
      get: {
        summary:
          "The level that applies to a subject, whether inherited from the global one, and the mode (viewer)",
        description:
          "Apicurio answers the global level for a subject without its own, so a subject level equal to the global one reads as inherited.",
        parameters: pathParameters("cluster", "subject"),
        responses: readAnswers("The level", "SchemaRegistryCompatibility"),
      },
      put: {
        summary: "Set a subject's own compatibility level (admin)",
        parameters: pathParameters("cluster", "subject"),
        requestBody: body("SchemaRegistryCompatibilityBody"),
        responses: changeAnswers("Set", "SchemaRegistryCompatibility"),
      },
      delete: {
        summary: "Remove a subject's own level: the global one applies (admin)",
        parameters: pathParameters("cluster", "subject"),
        responses: changeAnswers("Removed", "SchemaRegistryCompatibility"),
      },
    },
    [`${BASE}/schemas/{id}`]: {
      get: {
        summary: "A schema by its id, and the subjects and versions that use it (viewer)",
        parameters: pathParameters("cluster", "id"),
        responses: readAnswers("The schema", "SchemaRegistrySchema"),
      },
    },
  };
}
