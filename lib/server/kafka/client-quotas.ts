import "server-only";

// Client quotas (DescribeClientQuotas, ApiKey 48; AlterClientQuotas, ApiKey 49) of users, client ids,
// both together, and their defaults. A change reads the entity's values first, applies only the keys
// asked for, and audits before and after: the values read first with the change applied (a read
// right after the change can still answer the old values).
import type { Admin } from "@platformatic/kafka";

type AlterClientQuotasRequestOp = Parameters<Admin["alterClientQuotas"]>[0]["entries"][number]["ops"][number];

import { recordAudit, type Principal } from "@/lib/server/auth";
import {
  describeEntity,
  entityComponents,
  entityFromComponents,
  quotaChanges,
  quotaValuesAfter,
  QUOTA_KEYS,
  sameEntity,
  type QuotaAlterInput,
  type QuotaEntity,
  type QuotaEntry,
  type QuotaKey,
  type QuotaValues,
} from "@/lib/schemas/quotas";

import type { ClusterResult } from "./cluster-pool";
import { problemResult } from "./errors/problem-status";
import { withClusterAdmin } from "./pooled-clients";
import { kafkaRefusal, type SecurityResult } from "./security-results";

export interface QuotaAltered {
  cluster: string;
  entity: QuotaEntity;
  changes: { key: QuotaKey; before: number | null; after: number | null }[];
  /** Every value of the entity after the change: what the broker reported before it, changed. */
  values: QuotaValues;
}

const CONTEXT = (cluster: string, operation: string) => ({
  cluster,
  operation,
  resourceName: "kafka-cluster",
});

async function describeAll(admin: Admin): Promise<QuotaEntry[]> {
  // No components and not strict: every entity that has a quota.
  const entries = await admin.describeClientQuotas({ components: [], strict: false });
  return entries
    .map((entry) => ({
      entity: entityFromComponents(entry.entity),
      values: Object.fromEntries(entry.values.map(({ key, value }) => [key, value])),
    }))
    .sort((a, b) => describeEntity(a.entity).localeCompare(describeEntity(b.entity)));
}

/** Every quota entity and its values. */
export async function listClientQuotas(cluster: string): Promise<ClusterResult<QuotaEntry[]>> {
  return withClusterAdmin(cluster, describeAll, CONTEXT(cluster, "DESCRIBE_CONFIGS"));
}

async function entityValues(admin: Admin, entity: QuotaEntity): Promise<QuotaValues> {
  const entries = await admin.describeClientQuotas({
    components: entityComponents(entity).map(({ entityType, entityName }) =>
      entityName === null ? { entityType, matchType: 1 } : { entityType, matchType: 0, match: entityName },
    ),
    strict: true,
  });
  const found = entries.map((entry) => ({
    entity: entityFromComponents(entry.entity),
    values: entry.values,
  }));
  const own = found.find((entry) => sameEntity(entry.entity, entity));
  return Object.fromEntries((own?.values ?? []).map(({ key, value }) => [key, value]));
}

/** Sets and removes the entity's values (admin); audited as "quota.alter" with before and after. */
export async function alterClientQuota(
  cluster: string,
  input: QuotaAlterInput,
  actor: Principal,
): Promise<SecurityResult<QuotaAltered>> {
  const { entity } = input;
  const audit = (outcome: "success" | "failure", details: Record<string, string | number>) =>
    recordAudit({
      actor: actor.actor,
      action: "quota.alter",
      target: describeEntity(entity),
      outcome,
      details: { cluster, ...details },
    });
  const ops = QUOTA_KEYS.flatMap((key): AlterClientQuotasRequestOp[] => {
    if (input.remove.includes(key)) return [{ key, remove: true }];
    const value = input.set[key];
    return value === undefined ? [] : [{ key, value, remove: false }];
  });
  let kafkaError: unknown;
  const result = await withClusterAdmin(
    cluster,
    async (admin) => {
      const before = await entityValues(admin, entity);
      await admin
        .alterClientQuotas({ entries: [{ entities: entityComponents(entity), ops }] })
        .catch((error: unknown) => {
          kafkaError = error;
          throw error;
        });
      return before;
    },
    CONTEXT(cluster, "ALTER_CONFIGS"),
  );
  if (!result.ok) {
    const failure =
      kafkaRefusal(kafkaError, `quota for ${describeEntity(entity)}`) ?? problemResult(result.problem);
    await audit("failure", { code: failure.code });
    return failure;
  }
  const before = result.data;
  const after = quotaValuesAfter(before, input);
  const changes = quotaChanges(before, input);
  const text = (values: QuotaValues) =>
    Object.entries(values)
      .map(([key, value]) => `${key}=${value}`)
      .join(", ") || "none";
  await audit("success", { before: text(before), after: text(after) });
  return { ok: true, data: { cluster, entity, changes, values: after } };
}
