import "server-only";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import { can, type Permission, requiredRole } from "@/lib/permissions";
import { actionError, type ActionResult, fieldErrorsOf, ordinaryRefusal } from "@/lib/errors";

import { recordDenial, roleTooLow } from "./denials";
import { authenticateRequest } from "./principal";
import type { Principal } from "./principal-types";
import { currentPath, currentRequestId } from "./request-context";

export interface ActionSpec<S extends z.ZodType> {
  /** What the action does, by name (lib/permissions.ts); the map says which role may. */
  permission: Permission;
  schema: S;
  /** Lets a user who must change their password use it (the change itself, sign-out). */
  allowPasswordChange?: boolean;
  /** Names the action in "access.denied" records (e.g. "topic.create"); Next's action id otherwise. */
  action?: string;
}

/**
 * Wraps a server action: who (401) and whether their role has the permission (403) first, then the input (400 with field
 * errors), then the handler. A thrown ordinary refusal (lib/errors.ts) answers with its status and
 * one log line; anything else becomes a safe 500 and its stack goes to the log.
 * Next's own Origin/Host check for server actions stays on. Usable with useActionState.
 */
export function guardedAction<S extends z.ZodType, T>(
  spec: ActionSpec<S>,
  handler: (input: z.output<S>, principal: Principal) => Promise<ActionResult<T>>,
): (previous: ActionResult<T> | null, payload: FormData | z.input<S>) => Promise<ActionResult<T>> {
  return async (_previous, payload) => {
    try {
      const { principal } = await authenticateRequest();
      const target = async () =>
        `action ${spec.action ?? (await headers()).get("next-action") ?? "(unnamed)"} on ${(await currentPath()) ?? "?"}`;
      if (!principal) {
        await recordDenial(null, await target(), {
          status: 401,
          reason: "unauthenticated",
          required: requiredRole(spec.permission),
        });
        return actionError(401, "You are not signed in, or your session has ended; sign in again.");
      }
      if (principal.kind === "user" && principal.user.mustChangePassword && !spec.allowPasswordChange) {
        await recordDenial(principal, await target(), { status: 403, reason: "password-change-required" });
        return actionError(403, "Change your password first.");
      }
      if (!can(principal.role, spec.permission)) {
        const required = requiredRole(spec.permission);
        await recordDenial(principal, await target(), { status: 403, reason: "role", required });
        return actionError(403, roleTooLow(principal, required));
      }
      const parsed = spec.schema.safeParse(payload instanceof FormData ? formDataToObject(payload) : payload);
      if (!parsed.success)
        return actionError(400, "Check the highlighted fields.", fieldErrorsOf(parsed.error));
      return await handler(parsed.data, principal);
    } catch (error) {
      // redirect(), notFound() and friends are control flow, not failures.
      unstable_rethrow(error);
      const requestId = (await currentRequestId()) ?? "-";
      const refusal = ordinaryRefusal(error);
      if (refusal) {
        console.warn(`Server action refused (${refusal.status}, request ${requestId}): ${refusal.message}`);
        return actionError(refusal.status, refusal.message);
      }
      console.error(`Server action failed (request ${requestId}):`, error);
      return actionError(500, "Something went wrong on the server; the details are in the server's log.");
    }
  };
}

/** Form fields as an object: a name sent once is a string, several times an array. Next's own `$ACTION_…` fields are left out. */
export function formDataToObject(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("$ACTION_")) continue;
    const existing = fields[name];
    fields[name] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return fields;
}
