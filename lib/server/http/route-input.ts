// What a guarded route handler receives besides the caller: the path's params, the query and the
// JSON body, each checked against the schema the route declares (lib/server/auth/route-guard.ts).
import type { z } from "zod";

import { apiError, validationError } from "@/lib/api-errors";
import type { Permission } from "@/lib/permissions";
import type { Principal } from "@/lib/server/auth/principal-types";

import { readJsonBody } from "./request-body";

/** A JSON body: the schema, and the reading options (a larger limit, what an empty body stands for). */
export interface BodySpec<B extends z.ZodType> {
  schema: B;
  limit?: number;
  empty?: unknown;
}

export interface RouteSpec<P, Q, B> {
  /** What the route does, by name (lib/permissions.ts); the map says which role may. */
  permission: Permission;
  /** The path's dynamic segments; 422 when they do not fit. */
  params?: P;
  /** The query string as an object (a repeated key keeps its last value); 422 when it does not fit. */
  query?: Q;
  /** A JSON body: 413 over the limit (1 MiB by default), 400 for malformed JSON, 422 when it does not fit. */
  body?: B | BodySpec<Extract<B, z.ZodType>>;
}

type Parsed<S, Otherwise> = S extends z.ZodType ? z.output<S> : Otherwise;

export interface RouteInput<P, Q, B> {
  principal: Principal;
  params: Parsed<P, Record<string, string>>;
  query: Parsed<Q, undefined>;
  body: Parsed<B, undefined>;
}

/** What Next passes a route handler: the dynamic segments, still to be awaited. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

const isZodType = (value: unknown): value is z.ZodType =>
  typeof value === "object" && value !== null && "safeParse" in value;

export async function parseRouteInput<P, Q, B>(
  request: Request,
  context: RouteContext,
  spec: RouteSpec<P, Q, B>,
): Promise<Response | { params: unknown; query: unknown; body: unknown }> {
  const rawParams = await context.params;
  let params: unknown = rawParams;
  if (isZodType(spec.params)) {
    const parsed = spec.params.safeParse(rawParams);
    if (!parsed.success) return validationError(parsed.error);
    params = parsed.data;
  }
  let query: unknown;
  if (isZodType(spec.query)) {
    const parsed = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return validationError(parsed.error);
    query = parsed.data;
  }
  let body: unknown;
  if (spec.body !== undefined) {
    const { schema, ...options } = isZodType(spec.body)
      ? { schema: spec.body }
      : (spec.body as BodySpec<z.ZodType>);
    const read = await readJsonBody(request, options);
    if (!read.ok) return apiError(read.problem.status, read.problem.code, read.problem.message);
    const parsed = schema.safeParse(read.body);
    if (!parsed.success) return validationError(parsed.error);
    body = parsed.data;
  }
  return { params, query, body };
}
