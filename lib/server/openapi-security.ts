import "server-only";

// The OpenAPI paths and schemas of security beyond ACLs: SCRAM users (list, create or change a
// password, delete) and client quotas (list, set and remove). Request bodies come from the zod schemas
// the routes validate with; openapi.ts lends its builders.
import { QUOTA_KEYS, quotaAlterSchema } from "@/lib/schemas/quotas";
import { SCRAM_MECHANISMS, scramUpsertSchema } from "@/lib/schemas/scram-users";

import { pathParameters, type JsonSchema, type OpenApiBuilders } from "./openapi-parts";

const credential = {
  type: "object",
  required: ["mechanism", "iterations"],
  properties: {
    mechanism: { type: "string", enum: [...SCRAM_MECHANISMS, "UNKNOWN"] },
    iterations: { type: "integer" },
  },
};
const nullableName = { type: ["string", "null"], description: "null: the default entity (<default>)" };
const entity = {
  type: "object",
  properties: { user: nullableName, clientId: nullableName, ip: nullableName },
  description: "Absent: not part of the entity",
};
const values = {
  type: "object",
  properties: Object.fromEntries(QUOTA_KEYS.map((key) => [key, { type: "number" }])),
  additionalProperties: { type: "number" },
};
const change = {
  type: "object",
  properties: {
    key: { type: "string", enum: [...QUOTA_KEYS] },
    before: { type: ["number", "null"] },
    after: { type: ["number", "null"], description: "null: removed" },
  },
};

export function securitySchemas(parts: OpenApiBuilders): Record<string, JsonSchema> {
  return {
    ScramUpsert: parts.jsonSchema(scramUpsertSchema, "input"),
    ScramUsers: {
      type: "object",
      required: ["cluster", "users"],
      properties: {
        cluster: { type: "string" },
        users: {
          type: "array",
          items: {
            type: "object",
            required: ["user", "credentials"],
            properties: { user: { type: "string" }, credentials: { type: "array", items: credential } },
          },
        },
      },
    },
    ScramUserUpserted: {
      type: "object",
      required: ["cluster", "user", "mechanism", "iterations", "created"],
      properties: {
        cluster: { type: "string" },
        user: { type: "string" },
        mechanism: { type: "string", enum: [...SCRAM_MECHANISMS] },
        iterations: { type: "integer" },
        created: { type: "boolean", description: "false: the password of an existing credential changed" },
        generatedPassword: {
          type: "string",
          description:
            "Only when no password was sent: the generated one, answered this once and never stored",
        },
      },
    },
    ScramUserDeleted: {
      type: "object",
      required: ["cluster", "user", "deleted", "remaining"],
      properties: {
        cluster: { type: "string" },
        user: { type: "string" },
        deleted: { type: "array", items: credential },
        remaining: { type: "array", items: credential },
      },
    },
    QuotaAlter: parts.jsonSchema(quotaAlterSchema, "input"),
    Quotas: {
      type: "object",
      required: ["cluster", "entries"],
      properties: {
        cluster: { type: "string" },
        entries: { type: "array", items: { type: "object", properties: { entity, values } } },
      },
    },
    QuotaAltered: {
      type: "object",
      required: ["cluster", "entity", "changes", "values"],
      properties: { cluster: { type: "string" }, entity, changes: { type: "array", items: change }, values },
    },
  };
}

export function securityPaths(parts: OpenApiBuilders): Record<string, JsonSchema> {
  const { answer, problem, readErrors, writeErrors, ref } = parts;
  const unsupported = problem("The cluster lacks the API (UNSUPPORTED_BY_CLUSTER), naming it");
  const refused = problem("Kafka refused the change (UNACCEPTABLE_CREDENTIAL, INVALID_REQUEST, …)");
  return {
    "/api/v1/clusters/{cluster}/scram-users": {
      get: {
        summary: "SCRAM users with their mechanisms and iterations (admin)",
        parameters: pathParameters("cluster"),
        responses: { "200": answer("The users, by name", "ScramUsers"), ...readErrors, "501": unsupported },
      },
      post: {
        summary: "Create a user's SCRAM credential or change its password (admin)",
        description:
          "Without password (or with passwordMode generate) the console generates one and answers it once. The salted password is computed on the server (RFC 5802); the password is never logged or audited.",
        parameters: pathParameters("cluster"),
        requestBody: { required: true, content: { "application/json": { schema: ref("ScramUpsert") } } },
        responses: {
          "200": answer("The password of an existing credential changed", "ScramUserUpserted"),
          "201": answer("The credential was created", "ScramUserUpserted"),
          ...writeErrors,
          "422": refused,
          "501": unsupported,
        },
      },
    },
    "/api/v1/clusters/{cluster}/scram-users/{user}": {
      delete: {
        summary: "Delete a user's SCRAM credential for one mechanism, or all of them (admin)",
        parameters: [
          ...pathParameters("cluster", "user"),
          {
            name: "mechanism",
            in: "query",
            required: false,
            schema: { type: "string", enum: [...SCRAM_MECHANISMS] },
          },
        ],
        responses: {
          "200": answer("What went and what the user keeps", "ScramUserDeleted"),
          ...readErrors,
          "404": problem("The user has no such credential (RESOURCE_NOT_FOUND)"),
        },
      },
    },
    "/api/v1/clusters/{cluster}/quotas": {
      get: {
        summary: "Client quotas of users, client ids, both, and defaults (viewer)",
        parameters: pathParameters("cluster"),
        responses: {
          "200": answer("Every entity with a quota and its values", "Quotas"),
          ...readErrors,
          "501": unsupported,
        },
      },
      post: {
        summary: "Set and remove one entity's quota values (admin)",
        parameters: pathParameters("cluster"),
        requestBody: { required: true, content: { "application/json": { schema: ref("QuotaAlter") } } },
        responses: {
          "200": answer("old → new per key, and the entity's values now", "QuotaAltered"),
          ...writeErrors,
          "501": unsupported,
        },
      },
    },
  };
}
