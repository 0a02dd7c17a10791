import "server-only";

// The REST API's OpenAPI 3.1 document, built from the same zod schemas the handlers validate with,
// so the description cannot drift from what the server accepts and answers.
import { z } from "zod";
import {
  CA_PUBLIC_PATHS,
  caCertificatesSchema,
  certificateDetailSchema,
  certificateListQuerySchema,
  certificateListSchema,
  certificateSummarySchema,
  issueCertificateSchema,
  issuedCertificateBundleSchema,
  morioGenerateAnswerSchema,
  morioGenerateSchema,
  revokeCertificateSchema,
  signCsrSchema,
} from "@/lib/schemas/certificates";
import { lagHistoryQuerySchema, lagHistorySchema } from "@/lib/schemas/lag-history";

import { groupListQuerySchema } from "@/lib/schemas/groups";
import { topicListQuerySchema } from "@/lib/schemas/topics";

import { brokersPaths, brokersSchemas } from "./openapi-brokers";
import { groupOffsetsPaths, groupOffsetsSchemas, type OpenApiParts } from "./openapi-group-offsets";
import { groupsPaths, groupsSchemas } from "./openapi-groups";
import { confluentV2Paths, confluentV2Schemas } from "./openapi-confluent-v2";
import { confluentRecordsPaths, confluentRecordsSchemas } from "./openapi-confluent-records";
import { confluentPaths } from "./openapi-confluent";
import { confluentSchemas } from "./openapi-confluent-schemas";
import { securityPaths, securitySchemas } from "./openapi-security";
import { topicOpsPaths, topicOpsSchemas } from "./openapi-topic-ops";
import { topicAdminPaths, topicAdminSchemas } from "./openapi-topic-admin";
import { throughputPaths, throughputSchemas } from "./openapi-throughput";
import { schemaRegistryPaths, schemaRegistrySchemas } from "./openapi-schema-registry";
import { healthPaths } from "./openapi-health";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  void $schema;
  return rest;
}

const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        fields: {
          type: "object",
          description: 'Field-level problems by dotted path, e.g. "subjectAltNames.1.value"',
          additionalProperties: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });
const answer = (description: string, name: string) => ({ description, content: json(name) });
const problem = (description: string) => ({ description, content: json("Error") });
const readErrors = { "401": problem("No or rejected credentials"), "403": problem("Role too low") };
const writeErrors = {
  ...readErrors,
  "400": problem("Malformed JSON"),
  "413": problem("Body over 1 MiB"),
  "422": problem("Invalid fields (error.fields)"),
};
const serialParameter = {
  name: "serial",
  in: "path",
  required: true,
  schema: { type: "string", pattern: "^[0-9a-fA-F:]{1,59}$" },
  description: "Hexadecimal serial number",
};

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const properties = (jsonSchema(schema, "input").properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
  }));
}

/** The public CA files: no credentials (security: []). */
function publicFilePaths(): Record<string, JsonSchema> {
  const file = (summary: string, contentType: string) => ({
    get: {
      summary,
      security: [],
      responses: {
        "200": { description: summary, content: { [contentType]: { schema: { type: "string" } } } },
      },
    },
  });
  return {
    [CA_PUBLIC_PATHS.root]: file("Root CA certificate (public)", "application/x-pem-file"),
    [CA_PUBLIC_PATHS.intermediate]: file("Intermediate CA certificate (public)", "application/x-pem-file"),
    [CA_PUBLIC_PATHS.chain]: file("Intermediate then root (public)", "application/x-pem-file"),
    [CA_PUBLIC_PATHS.crlDer]: file("CRL in DER, the CRL distribution point (public)", "application/pkix-crl"),
    [CA_PUBLIC_PATHS.crlPem]: file("CRL in PEM (public)", "application/x-pem-file"),
  };
}

export function buildOpenApiDocument(): JsonSchema {
  const parts: OpenApiParts = { jsonSchema, ref, answer, problem, readErrors, writeErrors };
  return {
    openapi: "3.1.0",
    info: {
      title: "Kafka console REST API",
      version: "1",
      description:
        "Authenticate with an API token (Authorization: Bearer kc_<id>_<secret>) or a session. Errors are { error: { code, message, fields? } }.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      ...publicFilePaths(),
      "/api/v1/certificates": {
        get: {
          summary: "List issued certificates (viewer)",
          parameters: queryParameters(certificateListQuerySchema),
          responses: { "200": answer("A page of certificates", "CertificateList"), ...readErrors },
        },
        post: {
          summary: "Issue a certificate with a new key pair (operator; reserved names: admin)",
          description:
            'Accepts this console\'s body or Morio\'s ({"certificate": {...}, "notAfter"}), told apart by the "certificate" property.',
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { oneOf: [ref("IssueCertificate"), ref("MorioGenerate")] } },
            },
          },
          responses: {
            "201": {
              description:
                "Morio's answer shape plus serial, notBefore, notAfter, fingerprint; for this console's body also the full bundle",
              content: {
                "application/json": {
                  schema: {
                    allOf: [
                      ref("MorioGenerateAnswer"),
                      { type: "object", properties: { bundle: ref("IssuedCertificateBundle") } },
                    ],
                  },
                },
              },
            },
            ...writeErrors,
            "403": problem("Role too low, or a name reserved for super users without admin"),
          },
        },
      },
      "/api/v1/certificates/sign": {
        post: {
          summary: "Sign a certificate signing request (operator)",
          requestBody: { required: true, content: json("SignCsr") },
          responses: {
            "201": answer("The signed certificate (no private key)", "IssuedCertificateBundle"),
            ...writeErrors,
          },
        },
      },
      "/api/v1/certificates/{serial}": {
        get: {
          summary: "One certificate (viewer)",
          parameters: [serialParameter],
          responses: {
            "200": answer("Summary, PEM and chain", "CertificateDetail"),
            ...readErrors,
            "404": problem("Unknown serial"),
          },
        },
      },
      "/api/v1/certificates/{serial}/revoke": {
        post: {
          summary: "Revoke a certificate and re-sign the CRL (admin)",
          parameters: [serialParameter],
          requestBody: { required: false, content: json("RevokeCertificate") },
          responses: {
            "200": answer("The revoked certificate", "CertificateSummary"),
            ...writeErrors,
            "404": problem("Unknown serial"),
          },
        },
      },
      "/api/v1/ca": {
        get: {
          summary: "Root and intermediate CA certificates with fingerprints (viewer)",
          responses: { "200": answer("The CA", "CaCertificates"), ...readErrors },
        },
      },
      "/api/v1/ca/crl": {
        get: {
          summary: "The current CRL (viewer); public copies at /tools/ca/crl.der and /tools/ca/crl.pem",
          parameters: [
            {
              name: "format",
              in: "query",
              schema: { type: "string", enum: ["json", "pem", "der"], default: "json" },
            },
          ],
          responses: {
            "200": {
              description: "JSON {pem, thisUpdate, nextUpdate}, or the file",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      pem: { type: "string" },
                      thisUpdate: { type: "string" },
                      nextUpdate: { type: "string" },
                    },
                  },
                },
                "application/x-pem-file": { schema: { type: "string" } },
                "application/pkix-crl": { schema: { type: "string", contentEncoding: "binary" } },
              },
            },
            ...readErrors,
          },
        },
      },
      "/api/v1/clusters/{cluster}/groups/{group}/lag-history": {
        get: {
          summary: "A consumer group's recorded total lag over time (viewer)",
          description:
            "From the console's store, which the sampler fills every lagHistory.intervalSeconds: 1h gives every sample, 24h 5-minute and 7d hourly buckets (each its largest and last value). No points: nothing recorded yet, or the sampler is disabled (sampler.enabled).",
          parameters: [
            ...["cluster", "group"].map((name) => ({
              name,
              in: "path",
              required: true,
              schema: { type: "string" },
            })),
            ...queryParameters(lagHistoryQuerySchema),
          ],
          responses: {
            "200": answer("The points, oldest first", "LagHistory"),
            ...readErrors,
            "404": problem("No such cluster is configured"),
            "422": problem("Invalid range"),
          },
        },
      },
      ...groupOffsetsPaths(parts),
      ...groupsPaths({ answer, problem, readErrors, listQuery: queryParameters(groupListQuerySchema) }),
      ...confluentV2Paths(),
      ...confluentRecordsPaths(),
      ...confluentPaths(),
      ...securityPaths({ ...parts, jsonSchema }),
      ...topicOpsPaths({ ...parts, jsonSchema }),
      ...topicAdminPaths({ ...parts, jsonSchema }, queryParameters(topicListQuerySchema)),
      ...brokersPaths({ ...parts, jsonSchema }),
      ...throughputPaths(parts),
      ...schemaRegistryPaths(parts),
      ...healthPaths(),
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "kc_<id>_<secret>" },
        session: { type: "apiKey", in: "cookie", name: "kc_session" },
      },
      schemas: {
        Error: errorSchema,
        IssueCertificate: jsonSchema(issueCertificateSchema, "input"),
        MorioGenerate: jsonSchema(morioGenerateSchema, "input"),
        SignCsr: jsonSchema(signCsrSchema, "input"),
        RevokeCertificate: jsonSchema(revokeCertificateSchema, "input"),
        CertificateSummary: jsonSchema(certificateSummarySchema, "output"),
        CertificateDetail: jsonSchema(certificateDetailSchema, "output"),
        CertificateList: jsonSchema(certificateListSchema, "output"),
        IssuedCertificateBundle: jsonSchema(issuedCertificateBundleSchema, "output"),
        MorioGenerateAnswer: jsonSchema(morioGenerateAnswerSchema, "output"),
        CaCertificates: jsonSchema(caCertificatesSchema, "output"),
        LagHistory: jsonSchema(lagHistorySchema, "output"),
        ...groupOffsetsSchemas(parts),
        ...groupsSchemas(),
        ...confluentV2Schemas(),
        ...confluentRecordsSchemas(),
        ...confluentSchemas(),
        ...securitySchemas({ ...parts, jsonSchema }),
        ...topicOpsSchemas({ ...parts, jsonSchema }),
        ...topicAdminSchemas({ ...parts, jsonSchema }),
        ...brokersSchemas(),
        ...throughputSchemas(parts),
        ...schemaRegistrySchemas(parts),
      },
    },
  };
}
