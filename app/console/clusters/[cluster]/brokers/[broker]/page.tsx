import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/server/auth";
import { describeBroker, describeConfigs } from "@/lib/server/kafka";
import { brokerIdSchema } from "@/lib/schemas/brokers";
import { brokersPath } from "@/lib/paths";
import { can } from "@/lib/permissions";
import { BrokerTabs } from "@/components/brokers/broker-tabs";
import { formatBytes } from "@/components/brokers/format-bytes";
import { LogDirsTable } from "@/components/brokers/log-dirs-table";
import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { ProblemAlert } from "@/components/cluster/problem-alert";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { clusterOf } from "../../_lib/cluster-param";
import { BrokerConfigsSection } from "./_components/broker-configs-section";

export const dynamic = "force-dynamic";

type Params = Promise<{ cluster: string; broker: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Broker ${(await params).broker}` };
}

export default async function BrokerPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ tab?: string | string[] }>;
}) {
  const { role } = await requirePagePermission("broker.view");
  const cluster = await clusterOf(params);
  const parsed = brokerIdSchema.safeParse((await params).broker);
  if (!parsed.success) notFound();
  const nodeId = parsed.data;
  const tab = (await searchParams).tab === "configs" ? "configs" : "overview";
  const back = (
    <Link href={brokersPath(cluster)} className="text-sky-700 hover:underline dark:text-sky-400">
      Brokers
    </Link>
  );
  const described = await describeBroker(cluster, nodeId);
  if (!described.ok) {
    return (
      <>
        <PageHeader title={`Broker ${nodeId}`} description={back} />
        <ProblemAlert
          heading={`Broker ${nodeId} cannot be described: ${CLUSTER_PROBLEM_HEADINGS[described.problem.kind]}`}
          problem={described.problem}
        />
      </>
    );
  }
  const broker = described.data;
  if (!broker) notFound();
  const configs =
    tab === "configs"
      ? await Promise.all([
          describeConfigs(cluster, { type: "broker", id: nodeId }),
          describeConfigs(cluster, { type: "broker-default" }),
        ])
      : null;
  return (
    <>
      <PageHeader
        title={`Broker ${broker.nodeId}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {back}
            <span aria-hidden="true">·</span>
            {broker.isController ? <Badge tone="info">Controller</Badge> : <Badge>Broker</Badge>}
            <span>on {cluster}</span>
          </span>
        }
      />
      <BrokerTabs cluster={cluster} nodeId={broker.nodeId} current={tab} />
      {configs ? (
        <BrokerConfigsSection
          cluster={cluster}
          nodeId={broker.nodeId}
          canEdit={can(role, "broker.configure")}
          own={configs[0]}
          defaults={configs[1]}
        />
      ) : (
        <div className="space-y-6">
          <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-3 lg:grid-cols-5" aria-label="Summary">
            {[
              ["Rack", broker.rack ?? "—"],
              ["Leader partitions", broker.leaderPartitions],
              ["Replicas", broker.replicaPartitions],
              ["Log dir size", formatBytes(broker.logDirBytes)],
              ["Offline log dirs", broker.offlineLogDirs],
            ].map(([label, value]) => (
              <div key={label}>
                <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
                <dd className="font-mono">{value}</dd>
              </div>
            ))}
          </dl>
          <Card aria-labelledby="endpoints-title">
            <CardHeader
              titleId="endpoints-title"
              title="Endpoints"
              description="The listeners the broker advertises (advertised.listeners); the address from the cluster's metadata when they cannot be read."
            />
            <ul className="space-y-1 px-5 py-4 font-mono text-xs" aria-labelledby="endpoints-title">
              {broker.endpoints.map((endpoint) => (
                <li key={`${endpoint.listener}-${endpoint.host}-${endpoint.port}`}>
                  {endpoint.listener}://{endpoint.host.includes(":") ? `[${endpoint.host}]` : endpoint.host}:
                  {endpoint.port}
                </li>
              ))}
            </ul>
          </Card>
          <LogDirsTable logDirs={broker.logDirs} />
        </div>
      )}
    </>
  );
}
