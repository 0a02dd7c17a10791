import { Suspense, type ReactNode } from "react";
import { PublishNavBadge } from "@/components/shell/nav-badges";
import { aclsPath } from "@/lib/paths";
import { can } from "@/lib/permissions";
import { getPrincipal } from "@/lib/server/auth";
import { aclLintErrorCount } from "@/lib/server/kafka";
import { clusterOf, type ClusterParams } from "./_lib/cluster-param";

// Streams the sidebar's per-cluster badges after the page: a slow broker never holds a page up.
export default async function ClusterLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: ClusterParams;
}) {
  // Here, above the pages' loading.tsx: once a skeleton streams, a page's notFound() can no longer make it a 404.
  const cluster = await clusterOf(params);
  return (
    <>
      {children}
      <Suspense fallback={null}>
        <AclLintNavBadge cluster={cluster} />
      </Suspense>
    </>
  );
}

/** The ACL item's lint error count in the sidebar, for those who may view ACLs (cached a minute). */
async function AclLintNavBadge({ cluster }: { cluster: string }) {
  const principal = await getPrincipal();
  if (principal?.kind !== "user" || !can(principal.role, "acl.view")) return null;
  const count = await aclLintErrorCount(cluster);
  if (count === null) return null;
  return <PublishNavBadge href={aclsPath(cluster)} count={count} noun="lint error" />;
}
