import "server-only";

import { defaultClusterName } from "@/lib/server/kafka";

/** The cluster an ACL action is about: the one named (the page's), else the default. */
export function aclCluster(named: string | undefined): string {
  return named ?? defaultClusterName() ?? "";
}
