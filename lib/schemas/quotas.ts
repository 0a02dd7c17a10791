// Client quotas (DescribeClientQuotas, AlterClientQuotas): which entity a quota applies to (a user, a
// client id, both, or their defaults) and the values set or removed. One schema for the page's form,
// the server action and the REST route. Pure: the form validates and previews with it too.
import { z } from "zod";

import { refuseControlCharacters } from "./control-characters";

export const QUOTA_KEYS = [
  "producer_byte_rate",
  "consumer_byte_rate",
  "request_percentage",
  "controller_mutation_rate",
] as const;
export type QuotaKey = (typeof QUOTA_KEYS)[number];

export const QUOTA_KEY_LABELS: Record<QuotaKey, { label: string; unit: string }> = {
  producer_byte_rate: { label: "Produce rate", unit: "bytes/s" },
  consumer_byte_rate: { label: "Fetch rate", unit: "bytes/s" },
  request_percentage: { label: "Request time", unit: "% of a thread" },
  controller_mutation_rate: { label: "Partition mutations", unit: "per second" },
};

/** What the quota applies to: user and client id each a name, null for the default, absent for any. */
export const QUOTA_ENTITY_TYPES = ["user", "client-id", "user+client-id"] as const;
export type QuotaEntityType = (typeof QUOTA_ENTITY_TYPES)[number];

export interface QuotaEntity {
  /** A user name; null: the default user quota (<default>). */
  user?: string | null;
  /** A client id; null: the default client-id quota. */
  clientId?: string | null;
  /** IP quotas (connection_creation_rate) are listed, not edited here. */
  ip?: string | null;
}

export type QuotaValues = Partial<Record<string, number>>;

export interface QuotaEntry {
  entity: QuotaEntity;
  values: QuotaValues;
}

const entityName = (label: string) =>
  z
    .string()
    .min(1, `Name the ${label}, or choose its default`)
    .max(255, "At most 255 characters")
    .superRefine(refuseControlCharacters(label))
    .nullable();

export const quotaEntitySchema = z
  .object({ user: entityName("user").optional(), clientId: entityName("client id").optional() })
  .strict()
  .refine((entity) => entity.user !== undefined || entity.clientId !== undefined, {
    message: "Name a user, a client id, or both (null for the default)",
  });

/** A value Kafka accepts for the key: byte rates are whole bytes per second ≥ 1; the others positive. */
export function quotaValueProblem(key: QuotaKey, value: number): string | null {
  if (!Number.isFinite(value)) return "A number";
  if (value <= 0) return "Greater than 0 (remove the quota to lift it)";
  if ((key === "producer_byte_rate" || key === "consumer_byte_rate") && !Number.isInteger(value))
    return "Whole bytes per second";
  if (value > Number.MAX_SAFE_INTEGER) return "Too large";
  return null;
}

const valueSchema = (key: QuotaKey) =>
  z
    .preprocess(
      (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
      z.number({ error: "A number" }),
    )
    .superRefine((value, ctx) => {
      const problem = quotaValueProblem(key, value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

export const quotaAlterSchema = z
  .object({
    entity: quotaEntitySchema,
    /** Values to set. */
    set: z
      .object(Object.fromEntries(QUOTA_KEYS.map((key) => [key, valueSchema(key).optional()])))
      .strict()
      .default({}),
    /** Keys to remove (the quota falls back to the next matching entity's, else none). */
    remove: z.array(z.enum(QUOTA_KEYS)).max(QUOTA_KEYS.length).default([]),
  })
  .superRefine((input, ctx) => {
    const setKeys = Object.keys(input.set).filter((key) => input.set[key] !== undefined);
    if (setKeys.length === 0 && input.remove.length === 0)
      ctx.addIssue({ code: "custom", path: ["set"], message: "Set or remove at least one value" });
    for (const key of input.remove)
      if (setKeys.includes(key))
        ctx.addIssue({ code: "custom", path: ["remove"], message: `${key} is both set and removed` });
  });
export type QuotaAlterInput = z.output<typeof quotaAlterSchema>;

/** Kafka's entity components, from the console's entity. */
export function entityComponents(
  entity: QuotaEntity,
): { entityType: "user" | "client-id" | "ip"; entityName: string | null }[] {
  const components: { entityType: "user" | "client-id" | "ip"; entityName: string | null }[] = [];
  if (entity.user !== undefined) components.push({ entityType: "user", entityName: entity.user });
  if (entity.clientId !== undefined)
    components.push({ entityType: "client-id", entityName: entity.clientId });
  if (entity.ip !== undefined) components.push({ entityType: "ip", entityName: entity.ip });
  return components;
}

/** The console's entity from Kafka's components; unknown entity types are left out. */
export function entityFromComponents(
  components: { entityType: string; entityName?: string | null }[],
): QuotaEntity {
  const entity: QuotaEntity = {};
  for (const { entityType, entityName } of components) {
    const name = entityName ?? null;
    if (entityType === "user") entity.user = name;
    else if (entityType === "client-id") entity.clientId = name;
    else if (entityType === "ip") entity.ip = name;
  }
  return entity;
}

const part = (label: string, name: string | null | undefined) =>
  name === undefined ? null : `${label} ${name === null ? "<default>" : name}`;

/** "user alice, client-id <default>": how the page, the audit log and errors name an entity. */
export function describeEntity(entity: QuotaEntity): string {
  return (
    [part("user", entity.user), part("client-id", entity.clientId), part("ip", entity.ip)]
      .filter(Boolean)
      .join(", ") || "no entity"
  );
}

export const sameEntity = (a: QuotaEntity, b: QuotaEntity) =>
  a.user === b.user && a.clientId === b.clientId && a.ip === b.ip;

export type QuotaEntityKind = QuotaEntityType | "ip" | "other";

export function entityKind(entity: QuotaEntity): QuotaEntityKind {
  if (entity.ip !== undefined) return "ip";
  if (entity.user !== undefined && entity.clientId !== undefined) return "user+client-id";
  if (entity.user !== undefined) return "user";
  if (entity.clientId !== undefined) return "client-id";
  return "other";
}

/**
 * The entity's values once a change is accepted: what it had, with the change applied. Reading the
 * entity again right after AlterClientQuotas can answer the old values (the broker applies the
 * record to its metadata cache a moment later), so the answer and the audit use this instead.
 */
export function quotaValuesAfter(
  before: QuotaValues,
  input: Pick<QuotaAlterInput, "set" | "remove">,
): QuotaValues {
  const after: QuotaValues = { ...before };
  for (const { key, after: value } of quotaChanges(before, input)) {
    if (value === null) delete after[key];
    else after[key] = value;
  }
  return after;
}

/** old → new per key an alteration touches: what the preview shows and the audit records. */
export function quotaChanges(
  before: QuotaValues,
  input: Pick<QuotaAlterInput, "set" | "remove">,
): { key: QuotaKey; before: number | null; after: number | null }[] {
  return QUOTA_KEYS.flatMap((key): { key: QuotaKey; before: number | null; after: number | null }[] => {
    const old = before[key] ?? null;
    if (input.remove.includes(key)) return [{ key, before: old, after: null }];
    const value = input.set[key];
    return value === undefined ? [] : [{ key, before: old, after: value }];
  });
}
