import type { Metadata } from "next";
import Link from "next/link";

import { aclsPath } from "@/lib/paths";
import { requirePagePermission } from "@/lib/server/auth";
import { clusterCapabilities, listScramUsers, unavailableReason } from "@/lib/server/kafka";
import { CapabilityUnavailable } from "@/components/cluster/capability-unavailable";
import { ProblemAlert } from "@/components/cluster/problem-alert";
import { ScramUsersSection } from "@/components/security/scram-users-section";
import { PageHeader } from "@/components/shell/page-header";
import { clusterOf, type ClusterParams } from "../../_lib/cluster-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "SCRAM users" };

export default async function ScramUsersPage({ params }: { params: ClusterParams }) {
  await requirePagePermission("scramUser.manage");
  const cluster = await clusterOf(params);
  const header = (
    <PageHeader
      title="SCRAM users"
      description={`Who can sign in to ${cluster} with SCRAM-SHA-256 or SCRAM-SHA-512 on a SASL listener.`}
      actions={
        <Link href={aclsPath(cluster)} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          ACLs →
        </Link>
      }
    />
  );
  const [capabilities, listed] = await Promise.all([clusterCapabilities(cluster), listScramUsers(cluster)]);
  const unavailable = unavailableReason(capabilities, "scram");
  if (unavailable)
    return (
      <>
        {header}
        <CapabilityUnavailable cluster={cluster} feature="SCRAM users" message={unavailable} />
      </>
    );
  if (!listed.ok)
    return (
      <>
        {header}
        <ProblemAlert heading="The SCRAM users could not be read" problem={listed.problem} />
      </>
    );
  return (
    <>
      {header}
      <ScramUsersSection cluster={cluster} users={listed.data} />
    </>
  );
}
