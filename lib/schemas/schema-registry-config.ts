// A cluster's schema registry in the configuration: a Confluent-compatible API (Confluent Schema
// Registry, Apicurio's /apis/ccompat/v7, Redpanda's, Karapace) with optional basic or bearer
// authentication and TLS, secrets from the usual value sources (never echoed in messages).
import { z } from "zod";

import {
  certificateCheck,
  evenIfFieldsAreInvalid,
  privateKeyCheck,
  resolvedValueSchema,
  type ValueResolver,
} from "./config-values";

/** After validation: secrets and PEM resolved to their contents. */
export interface SchemaRegistryConnection {
  /** Base URL of the API, without a trailing slash (e.g. https://registry.example.com or …/apis/ccompat/v7). */
  url: string;
  auth?: { kind: "basic"; username: string; password: string } | { kind: "bearer"; token: string };
  tls?: { ca?: string; cert?: string; key?: string };
}

function registryUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL (e.g. https://registry.example.com:8081)";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http or https URL";
  // The URL shows in the UI and in logs: credentials belong in `auth`, where they stay secret.
  if (url.username || url.password) return "must not carry credentials; use auth.basic instead";
  if (url.search || url.hash) return "must not have a query or fragment";
  return undefined;
}

const registryUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = registryUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => value.replace(/\/+$/, ""));

export function schemaRegistrySchema(resolve: ValueResolver) {
  // Not a union: a missing secret is reported at its own path, not as "no variant matched".
  const auth = z
    .strictObject({
      basic: z
        .strictObject({ username: z.string().min(1), password: resolvedValueSchema(resolve) })
        .optional(),
      bearer: z.strictObject({ token: resolvedValueSchema(resolve) }).optional(),
    })
    .superRefine((value, ctx) => {
      if ((value.basic === undefined) !== (value.bearer === undefined)) return;
      ctx.addIssue({
        code: "custom",
        message: "expected { basic: { username, password } } or { bearer: { token } }",
      });
    });
  const tls = z
    .strictObject({
      ca: resolvedValueSchema(resolve, certificateCheck).optional(),
      cert: resolvedValueSchema(resolve, certificateCheck).optional(),
      key: resolvedValueSchema(resolve, privateKeyCheck).optional(),
    })
    .superRefine((value, ctx) => {
      if ((value.cert === undefined) === (value.key === undefined)) return;
      ctx.addIssue({
        code: "custom",
        path: [value.cert === undefined ? "cert" : "key"],
        message: "cert and key go together for client authentication",
      });
    }, evenIfFieldsAreInvalid);
  return z
    .strictObject({ url: registryUrlSchema, auth: auth.optional(), tls: tls.optional() })
    .superRefine((value, ctx) => {
      if (value.tls === undefined || typeof value.url !== "string") return;
      if (value.url.trim().toLowerCase().startsWith("http:"))
        ctx.addIssue({ code: "custom", path: ["tls"], message: "needs an https url" });
    }, evenIfFieldsAreInvalid)
    .transform(({ url, auth, tls }): SchemaRegistryConnection => ({
      url,
      ...(auth && {
        auth: auth.basic
          ? { kind: "basic" as const, ...auth.basic }
          : { kind: "bearer" as const, token: auth.bearer!.token },
      }),
      ...(tls && { tls }),
    }));
}
