import "server-only";

import type { AclLintContext } from "@/lib/acl/lint";
import * as ca from "@/lib/server/ca";
import { getConfig } from "@/lib/server/config";
import { listLintInventory } from "@/lib/server/kafka";

const MAX_CERTIFICATE_PAGES = 50;

/** CNs of the certificates still in use (valid or expiring), for "certificates without ACLs". */
async function activeCommonNames(): Promise<string[]> {
  const names = new Set<string>();
  for (const status of ["valid", "expiring"] as const) {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_CERTIFICATE_PAGES; page++) {
      const list = await ca.listCertificates({ status, cursor, limit: 200 });
      for (const certificate of list.certificates) names.add(certificate.commonName);
      if (list.nextCursor === null) break;
      cursor = list.nextCursor;
    }
  }
  return [...names];
}

/**
 * What the linter compares bindings with. Each part is optional: a topic list the console may not
 * read only skips that check.
 */
export async function loadLintContext(cluster: string): Promise<AclLintContext> {
  const { topics, groups } = await listLintInventory(cluster);
  let certificateCommonNames: string[] | undefined;
  try {
    certificateCommonNames = await activeCommonNames();
  } catch {
    // An unreadable CA store skips the check; the certificates page reports that problem.
    certificateCommonNames = undefined;
  }
  return {
    topics,
    groups,
    certificateCommonNames,
    cluster,
  };
}

/**
 * The principals the checker treats as super users: the broker's super.users cannot be read over the
 * Kafka API, so this assumes the CA's reserved names (the brokers' and the console's own CNs).
 */
export function assumedSuperUsers(): string[] {
  return getConfig().ca.reservedNames.map((name) => `User:${name}`);
}
