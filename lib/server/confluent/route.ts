import "server-only";

// Confluent-compatible route handlers: guardedRoute (API tokens as Basic id:secret or Bearer, roles,
// the input's schemas) with every error answered in Confluent's shape, and the v3 content type
// answered when the client asked for it.
import type { z } from "zod";

import { type RouteContext } from "@/lib/server/auth";
import { unmeasuredGuardedRoute } from "@/lib/server/auth/route-guard";
import type { RouteInput, RouteSpec } from "@/lib/server/http/route-input";

import { authSettings } from "@/lib/server/auth/settings";
import { measured } from "@/lib/server/metrics/http";
import { getConfig } from "@/lib/server/config";

import { confluentCodeOf, confluentError, isConfluentErrorBody, withFields } from "./errors";
import { publicBaseUrl, ResourceLinks } from "./resources";

export const V3_CONTENT_TYPE = "application/vnd.kafka.v3+json";
/** Headers a console error keeps when it becomes a Confluent one. */
const KEPT_HEADERS = ["www-authenticate", "retry-after"];

/** The content type to answer with: a vendor type the client sent or accepts, else application/json. */
export function answeredContentType(request: Request): string {
  const asked = `${request.headers.get("accept") ?? ""},${request.headers.get("content-type") ?? ""}`;
  const vendor = /application\/vnd\.kafka\.[\w.]*v[23]\+json/i.exec(asked)?.[0];
  return vendor ? vendor.toLowerCase() : "application/json";
}

/** A console error body `{error: {code, message, fields?}}` in Confluent's shape; others as they are. */
export async function toConfluentResponse(request: Request, response: Response): Promise<Response> {
  const type = answeredContentType(request);
  if (response.status < 400) {
    if (type === "application/json" || !response.headers.get("content-type")?.includes("json"))
      return response;
    const headers = new Headers(response.headers);
    headers.set("content-type", type);
    return new Response(response.body, { status: response.status, headers });
  }
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const kept: Record<string, string> = { "content-type": type };
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value) kept[name] = value;
  }
  if (isConfluentErrorBody(body)) return confluentError(response.status, body.error_code, body.message, kept);
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : undefined;
  const message =
    typeof error?.message === "string" ? error.message : `The request failed (HTTP ${response.status}).`;
  const fields =
    typeof error?.fields === "object" && error.fields !== null
      ? (error.fields as Record<string, string[]>)
      : undefined;
  const mapped = confluentCodeOf(response.status, code);
  return confluentError(mapped.status, mapped.errorCode, withFields(message, fields), kept);
}

/**
 * guardedRoute with Confluent's errors: 401 → 40101, 403 → 40301, invalid input → 422 (42201) with
 * every field's problem in the message, malformed JSON → 400; what the handler answers in Confluent's
 * shape already (confluentFailure, confluentNotFound) stays.
 */
export function confluentRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<P, Q, B>,
  handler: (request: Request, input: RouteInput<P, Q, B>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  const guarded = unmeasuredGuardedRoute(spec, handler);
  // Counted as answered, after the translation (a Confluent client sees these statuses).
  return measured(async (request, context) => toConfluentResponse(request, await guarded(request, context)));
}

/** A JSON answer for a v3 route (200 unless given), never cached. */
export function confluentJson(request: Request, body: unknown, status = 200): Response {
  return Response.json(body, {
    status,
    headers: { "Cache-Control": "no-store", "Content-Type": answeredContentType(request) },
  });
}

/** The links of an answer, on restProxy.publicUrl, else CONSOLE_PUBLIC_URL, else the request's origin. */
export function linksFor(request: Request): ResourceLinks {
  return new ResourceLinks(
    publicBaseUrl(request, {
      publicUrl: getConfig().restProxy.publicUrl,
      trustProxy: authSettings().trustProxy,
    }),
  );
}
