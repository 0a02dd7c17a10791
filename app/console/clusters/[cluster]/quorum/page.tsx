import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/server/auth";
import { describeQuorumAndFeatures, getClusterStatus } from "@/lib/server/kafka";
import { describeKafkaVersion } from "@/lib/cluster/kafka-version";
import { brokersPath } from "@/lib/paths";
import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { ProblemAlert } from "@/components/cluster/problem-alert";
import { FeaturesTable } from "@/components/brokers/features-table";
import { QuorumCard } from "@/components/brokers/quorum-card";
import { PageHeader } from "@/components/shell/page-header";
import { Stat } from "@/components/ui/stat";
import { clusterOf, type ClusterParams } from "../_lib/cluster-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Quorum and features" };

export default async function QuorumPage({ params }: { params: ClusterParams }) {
  await requirePagePermission("broker.view");
  const cluster = await clusterOf(params);
  const [read, status] = await Promise.all([describeQuorumAndFeatures(cluster), getClusterStatus(cluster)]);
  const header = (
    <PageHeader
      title="Quorum and features"
      description={
        <>
          The KRaft controller quorum and the finalized features of{" "}
          <span className="font-medium text-zinc-900 dark:text-zinc-100">{cluster}</span> ·{" "}
          <Link href={brokersPath(cluster)} className="text-sky-700 hover:underline dark:text-sky-400">
            Brokers
          </Link>
        </>
      }
    />
  );
  if (!read.ok) {
    return (
      <>
        {header}
        <ProblemAlert
          heading={`The quorum cannot be read: ${CLUSTER_PROBLEM_HEADINGS[read.problem.kind]}`}
          problem={read.problem}
        />
      </>
    );
  }
  const version = status.ok
    ? describeKafkaVersion(status.overview.apiVersions, status.overview.finalizedFeatures)
    : null;
  return (
    <>
      {header}
      <div className="space-y-6">
        {version && (
          <dl aria-label="Kafka version" className="grid grid-cols-1 gap-4">
            <Stat
              label="Kafka version"
              value={<span className="text-base">{version.label}</span>}
              note={<span className="font-normal text-zinc-500">{version.basis}</span>}
            />
          </dl>
        )}
        <QuorumCard quorum={read.data.quorum} />
        <FeaturesTable features={read.data.features} />
      </div>
    </>
  );
}
