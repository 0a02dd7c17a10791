import "server-only";

// What the subject and schema pages read: a subject's versions (live and soft-deleted), one
// version, the compatibility level that applies and whether it is the subject's own, the mode
// (null where the registry has none: Apicurio), and a schema id with the subjects that use it.
import { registryClient } from "./index";
import type { RegisteredSchema, SubjectVersion } from "./client";
import type { RegistryProblem, RegistryResult } from "./problems";

export type NotConfigured = { ok: false; notConfigured: true };
export type BrowseResult<T> = RegistryResult<T> | NotConfigured;

export const NOT_CONFIGURED: NotConfigured = { ok: false, notConfigured: true };

export interface SubjectVersions {
  subject: string;
  versions: number[];
  deleted: number[];
}

export interface AppliedCompatibility {
  subject: string | null;
  compatibility: string;
  /**
   * True when the subject has no level of its own. Apicurio answers the global level for such a
   * subject, so a subject level equal to the global one counts as inherited too.
   */
  inherited: boolean;
}

export interface SchemaWithUsages extends RegisteredSchema {
  usedBy: { subject: string; version: number }[];
}

export async function subjectVersions(
  cluster: string,
  subject: string,
): Promise<BrowseResult<SubjectVersions>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  const [live, all] = await Promise.all([
    client.listVersions(subject),
    client.listVersions(subject, { deleted: true }),
  ]);
  if (!live.ok) {
    // A subject whose versions are all soft-deleted answers 40401 without deleted=true.
    if (!all.ok || all.data.length === 0) return live;
    return { ok: true, data: { subject, versions: [], deleted: all.data } };
  }
  const deleted = all.ok ? all.data.filter((version) => !live.data.includes(version)) : [];
  return { ok: true, data: { subject, versions: live.data, deleted } };
}

export async function subjectVersion(
  cluster: string,
  subject: string,
  version: number | "latest",
): Promise<BrowseResult<SubjectVersion>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  return client.getVersion(subject, version, { deleted: true });
}

/** The global level without a subject; with one, the level that applies to it. */
export async function appliedCompatibility(
  cluster: string,
  subject?: string,
): Promise<BrowseResult<AppliedCompatibility>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  const global = await client.getCompatibility();
  if (!global.ok) return global;
  const globalLevel = global.data ?? "BACKWARD";
  if (subject === undefined)
    return { ok: true, data: { subject: null, compatibility: globalLevel, inherited: false } };
  const own = await client.getCompatibility(subject);
  if (!own.ok) return own;
  const inherited = own.data === null || own.data === globalLevel;
  return { ok: true, data: { subject, compatibility: own.data ?? globalLevel, inherited } };
}

/** The mode, or null when the registry has no mode endpoint (Apicurio) — never an error for that. */
export async function registryMode(cluster: string, subject?: string): Promise<BrowseResult<string | null>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  const mode = await client.getMode(subject);
  if (!mode.ok && mode.problem.kind === "unsupported") return { ok: true, data: null };
  if (mode.ok && mode.data === null && subject !== undefined) return client.getMode();
  return mode;
}

export async function schemaWithUsages(cluster: string, id: number): Promise<BrowseResult<SchemaWithUsages>> {
  const client = registryClient(cluster);
  if (!client) return NOT_CONFIGURED;
  const [schema, usages] = await Promise.all([client.getSchemaById(id), client.schemaUsages(id)]);
  if (!schema.ok) return schema;
  return { ok: true, data: { ...schema.data, usedBy: usages.ok ? usages.data : [] } };
}

export function isNotConfigured<T>(result: BrowseResult<T>): result is NotConfigured {
  return !result.ok && "notConfigured" in result;
}

/** The problem of a failed result that is not "not configured". */
export function problemOf<T>(result: BrowseResult<T>): RegistryProblem | undefined {
  return !result.ok && "problem" in result ? result.problem : undefined;
}
