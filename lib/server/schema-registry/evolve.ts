import "server-only";

// Changing a registry: compatibility checks, registering a version, compatibility levels, soft and
// hard deletes. Each change is audited (schema.register, schema.compatibility, schema.delete) with
// its outcome and the registry's code when it refused; the check changes nothing and is not.
import { recordAudit, type Principal } from "@/lib/server/auth";

import { appliedCompatibility, NOT_CONFIGURED, type BrowseResult } from "./browse";
import type { CompatibilityCheck, CompatibilityLevel, NewSchema } from "./client";
import { registryClient } from "./index";
import type { RegistryProblem } from "./problems";

type AuditDetails = Record<string, string | number | boolean | null>;

async function audit(
  actor: Principal,
  action: "schema.register" | "schema.compatibility" | "schema.delete",
  target: string,
  problem: RegistryProblem | undefined,
  details: AuditDetails,
): Promise<void> {
  await recordAudit({
    actor: actor.actor,
    action,
    target,
    outcome: problem ? "failure" : "success",
    details: { ...details, ...(problem && { code: problem.code ?? problem.kind }) },
  });
}

/**
 * Whether `schema` may become the subject's next version under the level that applies. A subject
 * without versions takes any schema: the registry answers "not found", which is no reason to refuse.
 */
export async function checkSchema(
  cluster: string,
  subject: string,
  schema: NewSchema,
): Promise<BrowseResult<CompatibilityCheck & { firstVersion: boolean }>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  const result = await client.checkCompatibility(subject, schema);
  if (!result.ok && result.problem.kind === "not-found")
    return { ok: true, data: { compatible: true, messages: [], firstVersion: true } };
  if (!result.ok) return result;
  return { ok: true, data: { ...result.data, firstVersion: false } };
}

/** Registers the schema (the registry checks compatibility itself and refuses with 409). */
export async function registerSchema(
  cluster: string,
  subject: string,
  schema: NewSchema,
  actor: Principal,
): Promise<BrowseResult<{ subject: string; id: number; version: number | null }>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  const registered = await client.register(subject, schema);
  const details = {
    cluster,
    subject,
    schemaType: schema.schemaType ?? "AVRO",
    references: schema.references?.length ?? 0,
  };
  if (!registered.ok) {
    await audit(actor, "schema.register", subject, registered.problem, details);
    return registered;
  }
  // The registry answers only the id; the version is the subject's newest with that id.
  const latest = await client.getVersion(subject, "latest");
  const version = latest.ok && latest.data.id === registered.data.id ? latest.data.version : null;
  await audit(actor, "schema.register", subject, undefined, { ...details, id: registered.data.id, version });
  return { ok: true, data: { subject, id: registered.data.id, version } };
}

/** Sets the global level (no subject) or a subject's own. */
export async function setCompatibilityLevel(
  cluster: string,
  level: CompatibilityLevel,
  subject: string | undefined,
  actor: Principal,
): Promise<BrowseResult<{ subject: string | null; compatibility: string }>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  const before = await appliedCompatibility(cluster, subject);
  const set = await client.setCompatibility(level, subject);
  await audit(actor, "schema.compatibility", subject ?? "(global)", set.ok ? undefined : set.problem, {
    cluster,
    subject: subject ?? null,
    before: before.ok ? before.data.compatibility : null,
    after: level,
  });
  return set.ok ? { ok: true, data: { subject: subject ?? null, compatibility: level } } : set;
}

/** Removes a subject's own level: the global one applies again. */
export async function inheritCompatibilityLevel(
  cluster: string,
  subject: string,
  actor: Principal,
): Promise<BrowseResult<{ subject: string; compatibility: string; inherited: true }>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  const before = await appliedCompatibility(cluster, subject);
  const removed = await client.deleteCompatibility(subject);
  const after = removed.ok ? await appliedCompatibility(cluster) : undefined;
  await audit(actor, "schema.compatibility", subject, removed.ok ? undefined : removed.problem, {
    cluster,
    subject,
    before: before.ok ? before.data.compatibility : null,
    after: "inherited",
  });
  if (!removed.ok) return removed;
  const compatibility = after?.ok ? after.data.compatibility : "(global)";
  return { ok: true, data: { subject, compatibility, inherited: true } };
}

/** Soft-deletes a version, or with `permanent` removes a soft-deleted one. */
export async function deleteSchemaVersion(
  cluster: string,
  subject: string,
  version: number,
  permanent: boolean,
  actor: Principal,
): Promise<BrowseResult<{ subject: string; version: number; id: number | null; permanent: boolean }>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  const found = await client.getVersion(subject, version, { deleted: true });
  const id = found.ok ? found.data.id : null;
  const deleted = await client.deleteVersion(subject, version, { permanent });
  await audit(actor, "schema.delete", subject, deleted.ok ? undefined : deleted.problem, {
    cluster,
    subject,
    version,
    id,
    mode: permanent ? "hard" : "soft",
  });
  return deleted.ok ? { ok: true, data: { subject, version, id, permanent } } : deleted;
}

/** Soft-deletes a subject (all its versions), or with `permanent` removes a soft-deleted one. */
export async function deleteSchemaSubject(
  cluster: string,
  subject: string,
  permanent: boolean,
  actor: Principal,
): Promise<BrowseResult<{ subject: string; versions: number[]; permanent: boolean }>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  const deleted = await client.deleteSubject(subject, { permanent });
  await audit(actor, "schema.delete", subject, deleted.ok ? undefined : deleted.problem, {
    cluster,
    subject,
    version: null,
    versions: deleted.ok ? deleted.data.join(",") : null,
    mode: permanent ? "hard" : "soft",
  });
  return deleted.ok ? { ok: true, data: { subject, versions: deleted.data, permanent } } : deleted;
}
