import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/server/auth";
import { listBrokers } from "@/lib/server/kafka";
import { quorumPath } from "@/lib/paths";
import { BrokersListTable } from "@/components/brokers/brokers-list-table";
import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { ProblemAlert } from "@/components/cluster/problem-alert";
import { PageHeader } from "@/components/shell/page-header";
import { clusterOf, type ClusterParams } from "../_lib/cluster-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Brokers" };

export default async function BrokersPage({ params }: { params: ClusterParams }) {
  await requirePagePermission("broker.view");
  const cluster = await clusterOf(params);
  const list = await listBrokers(cluster);
  return (
    <>
      <PageHeader
        title="Brokers"
        description={
          <>
            The brokers of <span className="font-medium text-zinc-900 dark:text-zinc-100">{cluster}</span> ·{" "}
            <Link href={quorumPath(cluster)} className="text-sky-700 hover:underline dark:text-sky-400">
              Quorum and features
            </Link>
          </>
        }
      />
      {list.ok ? (
        <BrokersListTable list={list.data} />
      ) : (
        <ProblemAlert
          heading={`The brokers cannot be listed: ${CLUSTER_PROBLEM_HEADINGS[list.problem.kind]}`}
          problem={list.problem}
        />
      )}
    </>
  );
}
