import "server-only";

import { listClusterNames } from "@/lib/server/kafka";

/** The cluster an ACL action is about: the one named, else the first configured (the page's). */
export function aclCluster(named: string | undefined): string {
  return named ?? listClusterNames()[0] ?? "";
}
