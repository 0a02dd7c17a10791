import "server-only";

// Who already goes by a CN, shown before issuing another certificate for it: a second holder of a
// name gets every permission the first one has. Certificates come from the store; ACL bindings from
// each cluster, asked afresh each time (a binding granted a moment ago must show; concurrent checks
// share one listing) and never waited on for long: an unreachable cluster answers "unknown" rather
// than holding the form.
import type { AclBinding } from "@/lib/acl/types";
import type { ClusterNameUsage } from "@/lib/schemas/certificates";

import type { CaContext } from "./context";
import { certificateStatus } from "./inventory";

/** Certificates for exactly this CN (the principal is case-sensitive) neither expired nor revoked. */
export async function validCertificateCount(context: CaContext, commonName: string): Promise<number> {
  const now = context.now();
  let count = 0;
  let after: { issuedAt: string; serialNumber: string } | undefined;
  for (;;) {
    const page = (
      await context.store.certificates.query({
        q: commonName,
        now: now.toISOString(),
        expiringBefore: now.toISOString(),
        after,
        limit: 500,
      })
    ).certificates;
    for (const record of page)
      if (record.commonName === commonName && ["valid", "expiring"].includes(certificateStatus(record, now)))
        count++;
    const last = page.at(-1);
    if (!last || page.length < 500) return count;
    after = { issuedAt: last.issuedAt, serialNumber: last.serialNumber };
  }
}

export type BindingListing = (
  cluster: string,
) => Promise<{ ok: true; data: AclBinding[] } | { ok: false; problem: { title: string } }>;

type Listing = Promise<{ bindings: AclBinding[] } | { problem: string }>;

export function createBindingCounter({
  listBindings,
  deadlineMs = 3_000,
}: {
  listBindings: BindingListing;
  deadlineMs?: number;
}) {
  // Only listings still in flight are shared: an answer is never reused, so a fresh grant shows.
  const pending = new Map<string, Listing>();

  function listing(cluster: string): Listing {
    const shared = pending.get(cluster);
    if (shared) return shared;
    const answer: Listing = listBindings(cluster)
      .then(
        (result) => (result.ok ? { bindings: result.data } : { problem: result.problem.title }),
        (error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => pending.delete(cluster));
    pending.set(cluster, answer);
    return answer;
  }

  async function countOn(cluster: string, principal: string): Promise<ClusterNameUsage> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<{ problem: string }>(
      (resolve) =>
        (timer = setTimeout(() => resolve({ problem: "the cluster did not answer in time" }), deadlineMs)),
    );
    const answer = await Promise.race([listing(cluster), late]);
    clearTimeout(timer);
    if ("problem" in answer) return { cluster, bindings: null, problem: answer.problem };
    return {
      cluster,
      bindings: answer.bindings.filter((binding) => binding.principal === principal).length,
    };
  }

  return {
    /** The bindings whose principal is exactly this one, per cluster; null where unknown. */
    count(clusters: readonly string[], principal: string): Promise<ClusterNameUsage[]> {
      return Promise.all(clusters.map((cluster) => countOn(cluster, principal)));
    },
  };
}
