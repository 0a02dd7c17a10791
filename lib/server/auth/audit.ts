import "server-only";

import { getStore } from "@/lib/server/store";
import type { AuditEventInput, AuditPage, AuditQuery, ConsoleStore } from "@/lib/server/store/types";

import { appendRefusal, isRefusal } from "./refusals";
import { currentRequestFacts } from "./request-context";
import type { RequestFacts } from "./request-facts";

export type AuditRecordInput = Omit<
  AuditEventInput,
  "clientAddress" | "requestId" | "count" | "firstAt" | "lastAt"
>;

/** Appends one record with the request's client address and id. Callers pass no secrets in details. */
export async function recordAudit(event: AuditRecordInput): Promise<void> {
  const facts = await currentRequestFacts();
  await appendAudit(getStore(), event, facts);
}

/**
 * Takes the store, so a mutation and its record can share one store transaction (pass its `tx`).
 * Refusals (a failed or denied sign-in, rejected credentials, access.denied) go through the refusal
 * ledger: the first of a kind is written now, repeats are counted into one summary row per window
 * (see refusals.ts); they are never written inside a transaction.
 */
export async function appendAudit(
  store: ConsoleStore,
  event: AuditRecordInput,
  facts: RequestFacts,
): Promise<void> {
  const record = { ...event, clientAddress: facts.clientAddress, requestId: facts.requestId };
  if (isRefusal(record)) await appendRefusal(store, record);
  else await store.audit.append(record);
}

/**
 * For refusals and rejected credentials: the answer (401, 403) must not turn into a 500 because the
 * audit trail could not be written, so a failure is logged instead.
 */
export async function recordAuditQuietly(event: AuditRecordInput): Promise<void> {
  try {
    await recordAudit(event);
  } catch (error) {
    console.error(`Could not record audit event ${event.action}:`, error);
  }
}

const MAX_PAGE = 500;

export function queryAudit(query: AuditQuery): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit) || 50, 1), MAX_PAGE);
  return getStore().audit.query({ ...query, limit });
}
