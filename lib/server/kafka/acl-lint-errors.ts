import "server-only";

import { lintAcls } from "@/lib/acl/lint";
import { listAcls } from "./acls";

// The sidebar's ACL badge renders on every cluster page: one DescribeAcls per cluster per minute at
// most, shared by concurrent requests. The error checks need the bindings alone (no topic or
// certificate inventory), so this stays one request.
const TTL_MS = 60_000;

interface Entry {
  at: number;
  count: Promise<number | null>;
}

const entries = new Map<string, Entry>();

/** How many lint errors the cluster's bindings have; null when they cannot be listed (no badge then). */
export function aclLintErrorCount(cluster: string, now = Date.now()): Promise<number | null> {
  const cached = entries.get(cluster);
  if (cached && now - cached.at < TTL_MS) return cached.count;
  const count = listAcls(cluster).then(
    (listed) => (listed.ok ? countErrors(listed.data) : null),
    () => null,
  );
  entries.set(cluster, { at: now, count });
  return count;
}

/** The ACL page lints the bindings it just listed: it keeps the badge current after a change. */
export function rememberAclLintErrorCount(cluster: string, count: number, now = Date.now()): void {
  entries.set(cluster, { at: now, count: Promise.resolve(count) });
}

export function countErrors(bindings: Parameters<typeof lintAcls>[0]): number {
  return lintAcls(bindings).filter((finding) => finding.severity === "error").length;
}
