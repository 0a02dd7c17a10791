import "server-only";

import type { Role } from "@/lib/schemas/auth";

import { recordAuditQuietly } from "./audit";
import type { Principal } from "./principal-types";

/** A refused page, action or route request, in the audit trail as "access.denied". */
export function recordDenial(
  principal: Principal | null,
  target: string,
  details: { status: 401 | 403; reason: string; required?: Role },
): Promise<void> {
  return recordAuditQuietly({
    actor: principal?.actor ?? "anonymous",
    action: "access.denied",
    target,
    outcome: "denied",
    details: { ...details, ...(principal ? { role: principal.role } : {}) },
  });
}

export const roleTooLow = (principal: Principal, required: Role) =>
  `Your role (${principal.role}) may not do this; it needs ${required} or higher.`;
