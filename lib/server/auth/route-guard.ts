import "server-only";

import { unstable_rethrow } from "next/navigation";

import type { z } from "zod";

import { apiError } from "@/lib/api-errors";
import { ordinaryRefusal } from "@/lib/errors";
import { can, requiredRole } from "@/lib/permissions";
import {
  parseRouteInput,
  type RouteContext,
  type RouteInput,
  type RouteSpec,
} from "@/lib/server/http/route-input";
import { measured } from "@/lib/server/metrics/http";

import { recordDenial, roleTooLow } from "./denials";
import { authenticateRequest } from "./principal";
import { isSameOriginRequest, REQUEST_ID_HEADER } from "./request-facts";
import { authSettings } from "./settings";

// Only a Bearer challenge: a Basic one would make browsers pop up a password dialog for the UI's own fetches.
const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="kafka-console"' };
const BASIC_CHALLENGE = { "WWW-Authenticate": 'Basic realm="kafka-console", charset="UTF-8"' };
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler: 401 (with WWW-Authenticate) without valid credentials, 403 for a role
 * without the permission, 403 CROSS_ORIGIN for a state-changing request authenticated by the session
 * cookie from another origin (tokens need no such check: browsers never attach them by themselves),
 * then the params, query and body against their schemas (422, or 413/400 for a body too large or not
 * JSON), then the handler with the typed values. A thrown ordinary refusal (lib/errors.ts) answers
 * with its status and one log line, and anything unexpected with a 500 without details (the stack
 * goes to the log). Errors are built by lib/api-errors.ts. Each answer is counted for /metrics under
 * the route's pattern (lib/server/metrics/http.ts).
 */
export function guardedRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<P, Q, B>,
  handler: (request: Request, input: RouteInput<P, Q, B>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return measured(unmeasuredGuardedRoute(spec, handler));
}

/** guardedRoute without the count, for wrappers that change the answer and count it themselves (confluentRoute). */
export function unmeasuredGuardedRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<P, Q, B>,
  handler: (request: Request, input: RouteInput<P, Q, B>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  const required = requiredRole(spec.permission);
  return async (request, context) => {
    try {
      const target = `${request.method} ${new URL(request.url).pathname}`;
      const mutating = !SAFE_METHODS.has(request.method);
      const authentication = await authenticateRequest();
      const { principal } = authentication;
      if (!principal) {
        // Rejected credentials are already in the audit trail; missing ones only matter for writes.
        if (authentication.via === "none" && mutating)
          await recordDenial(null, target, { status: 401, reason: "unauthenticated", required });
        const basic = authentication.via === "rejected" && authentication.scheme === "basic";
        return apiError(
          401,
          "UNAUTHENTICATED",
          authentication.via === "rejected"
            ? (authentication.message ??
                "The credentials were not accepted: the session has ended, or the API token is unknown, revoked or expired.")
            : "Sign in, or send an API token: Authorization: Bearer kc_<id>_<secret>.",
          { headers: basic ? BASIC_CHALLENGE : CHALLENGE },
        );
      }
      const sameOrigin = () =>
        isSameOriginRequest(request.headers, { trustProxy: authSettings().trustProxy });
      if (mutating && authentication.via === "session" && !sameOrigin()) {
        await recordDenial(principal, target, { status: 403, reason: "cross-origin" });
        return apiError(
          403,
          "CROSS_ORIGIN",
          "A signed-in browser may change things only from the console's own pages; scripts use an API token.",
        );
      }
      if (principal.kind === "user" && principal.user.mustChangePassword) {
        await recordDenial(principal, target, { status: 403, reason: "password-change-required" });
        return apiError(403, "PASSWORD_CHANGE_REQUIRED", "Change your password first.");
      }
      if (!can(principal.role, spec.permission)) {
        await recordDenial(principal, target, { status: 403, reason: "role", required });
        return apiError(403, "FORBIDDEN", roleTooLow(principal, required));
      }
      const input = await parseRouteInput(request, context, spec);
      if (input instanceof Response) return input;
      return await handler(request, { principal, ...input } as RouteInput<P, Q, B>);
    } catch (error) {
      unstable_rethrow(error);
      const requestId = request.headers.get(REQUEST_ID_HEADER) ?? "-";
      const refusal = ordinaryRefusal(error);
      if (refusal) {
        console.warn(
          `${request.method} ${new URL(request.url).pathname} refused (${refusal.status}, request ${requestId}): ${refusal.message}`,
        );
        return apiError(refusal.status, refusal.code, refusal.message);
      }
      console.error(`${request.method} ${request.url} failed (request ${requestId}):`, error);
      return apiError(
        500,
        "INTERNAL",
        "Something went wrong on the server; the details are in the server's log.",
      );
    }
  };
}

export type { RouteContext, RouteInput, RouteSpec };
