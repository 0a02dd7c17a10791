import type { Metadata } from "next";

import { can } from "@/lib/permissions";
import { requirePagePermission } from "@/lib/server/auth";
import { clusterCapabilities, listClientQuotas, unavailableReason } from "@/lib/server/kafka";
import { CapabilityUnavailable } from "@/components/cluster/capability-unavailable";
import { ProblemAlert } from "@/components/cluster/problem-alert";
import { QuotasSection } from "@/components/quotas/quotas-section";
import { PageHeader } from "@/components/shell/page-header";
import { clusterOf, type ClusterParams } from "../_lib/cluster-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Quotas" };

export default async function QuotasPage({ params }: { params: ClusterParams }) {
  const { role } = await requirePagePermission("quota.view");
  const cluster = await clusterOf(params);
  const header = (
    <PageHeader
      title="Quotas"
      description={`How fast users and client ids may produce, fetch and use the brokers of ${cluster}.`}
    />
  );
  const [capabilities, listed] = await Promise.all([clusterCapabilities(cluster), listClientQuotas(cluster)]);
  const unavailable = unavailableReason(capabilities, "quotas");
  if (unavailable)
    return (
      <>
        {header}
        <CapabilityUnavailable cluster={cluster} feature="Quotas" message={unavailable} />
      </>
    );
  if (!listed.ok)
    return (
      <>
        {header}
        <ProblemAlert heading="The quotas could not be read" problem={listed.problem} />
      </>
    );
  return (
    <>
      {header}
      <QuotasSection cluster={cluster} entries={listed.data} canChange={can(role, "quota.manage")} />
    </>
  );
}
