import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { can } from "@/lib/permissions";
import type { Role } from "@/lib/schemas/auth";
import { requirePagePermission } from "@/lib/server/auth";
import {
  describeConfigs,
  describeTopic,
  listTopicConsumers,
  readTopicSizes,
  type TopicDetails,
} from "@/lib/server/kafka";
import { MessageInspector } from "@/components/messages/message-inspector";
import { ProduceForm } from "@/components/messages/produce-form";
import { PageHeader } from "@/components/shell/page-header";
import { TableSkeleton } from "@/components/shell/page-skeleton";
import { PartitionsTab } from "@/components/topics/partitions-tab";
import { TopicHealthBadges } from "@/components/topics/topic-health-badges";
import { TopicConsumersCard } from "@/components/topics/topic-consumers-card";
import { TopicTabs, type TopicTab } from "@/components/topics/topic-tabs";
import { TopicsProblemPanel } from "@/components/topics/topics-problem-panel";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { newTopicPath, topicPath, topicsPath } from "@/lib/paths";
import { buttonClassName } from "@/components/ui/button";
import { clusterOf } from "../../_lib/cluster-param";
import { TopicConfigsSection } from "./_components/topic-configs-section";
import { throughputQuerySchema } from "@/lib/schemas/throughput";
import { readThroughput } from "@/lib/server/throughput/read";
import { ThroughputCard } from "@/components/throughput/throughput-card";
import { TopicSubjectLinks } from "@/components/schema-registry/topic-subject-links";
import { produceRegistry, topicSubjects } from "@/lib/server/schema-registry/topic-subjects";

export const dynamic = "force-dynamic";

type Params = Promise<{ cluster: string; topic: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Kafka topic names never contain "%", so decoding is safe whether or not the router already did. */
const topicOf = (segment: string) => (segment.includes("%") ? decodeURIComponent(segment) : segment);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: topicOf((await params).topic) };
}

export default async function TopicPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { role } = await requirePagePermission("topic.view");
  const cluster = await clusterOf(params);
  const topic = topicOf((await params).topic);
  const requested = (await searchParams).tab;
  // The Partitions tab's throughput chart; a hand-edited range falls back to the last hour.
  const { range } = throughputQuerySchema.catch({ range: "1h" }).parse(await searchParams);
  const canProduce = can(role, "message.produce");
  const tabs: TopicTab[] = ["messages", "partitions", "configs"];
  if (can(role, "group.view")) tabs.push("consumers");
  if (canProduce) tabs.push("produce");
  const tab = tabs.find((candidate) => candidate === requested) ?? "messages";

  const described = await describeTopic(cluster, topic);
  if (!described.ok) {
    return (
      <>
        <PageHeader title={topic} description={<Link href={topicsPath(cluster)}>All topics</Link>} />
        <TopicsProblemPanel heading={`Topic ${topic} cannot be described`} problem={described.problem} />
      </>
    );
  }
  const details = described.data;
  if (!details) notFound();
  const partitions = details.partitions.map((partition) => partition.partition);

  return (
    <>
      <PageHeader
        title={details.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={topicsPath(cluster)} className="text-sky-700 hover:underline dark:text-sky-400">
              Topics
            </Link>
            <span aria-hidden="true">·</span>
            <span>
              {partitions.length} {partitions.length === 1 ? "partition" : "partitions"} on {cluster}
            </span>
            {details.internal && <Badge>internal</Badge>}
            <TopicHealthBadges
              offline={details.partitions.filter((partition) => partition.leader < 0).length}
              underReplicated={
                details.partitions.filter((partition) => partition.isr.length < partition.replicas.length)
                  .length
              }
            />
            {can(role, "schema.view") && (
              <>
                <span aria-hidden="true">·</span>
                {/* The registry answers on its own time: the header never waits for it. */}
                <Suspense fallback={null}>
                  <TopicSubjectLinks cluster={cluster} subjects={topicSubjects(cluster, details.name)} />
                </Suspense>
              </>
            )}
          </span>
        }
        actions={
          can(role, "topic.create") &&
          !details.internal && (
            <Link href={newTopicPath(cluster, details.name)} className={buttonClassName("secondary")}>
              Create like…
            </Link>
          )
        }
      />
      <TopicTabs cluster={cluster} topic={details.name} tabs={tabs} current={tab} />
      {tab === "messages" && (
        // The inspector reads its query from the URL (useSearchParams).
        <Suspense fallback={<TableSkeleton label="Loading the messages…" />}>
          <MessageInspector
            cluster={cluster}
            topic={details.name}
            partitions={partitions}
            canProduce={canProduce}
          />
        </Suspense>
      )}
      {/* A tab's own reads stream in: the header and the tabs show at once, the body keeps its place. */}
      <Suspense key={tab} fallback={<TableSkeleton label={`Loading the topic's ${tab}…`} />}>
        {tab === "partitions" && (
          <TopicPartitions cluster={cluster} role={role} details={details} range={range} />
        )}
        {tab === "configs" && <TopicConfigs cluster={cluster} topic={details.name} role={role} />}
        {tab === "consumers" && <TopicConsumers cluster={cluster} topic={details.name} />}
      </Suspense>
      {tab === "produce" && (
        <Card aria-labelledby="produce-title">
          <CardHeader
            titleId="produce-title"
            title="Produce"
            description="Write a test message, or several copies of it. Each produce is recorded in the audit log."
          />
          <div className="px-5 py-4">
            <Suspense fallback={<TableSkeleton label="Loading the schema registry's subjects…" />}>
              <ProduceTab cluster={cluster} topic={details.name} partitions={partitions} />
            </Suspense>
          </div>
        </Card>
      )}
    </>
  );
}

/** The produce form with the registry's subjects, the topic's own (TopicNameStrategy) as defaults. */
async function ProduceTab({
  cluster,
  topic,
  partitions,
}: {
  cluster: string;
  topic: string;
  partitions: number[];
}) {
  const registry = await produceRegistry(cluster, topic);
  return <ProduceForm cluster={cluster} topic={topic} partitions={partitions} registry={registry} />;
}

async function TopicConfigs({ cluster, topic, role }: { cluster: string; topic: string; role: Role }) {
  return (
    <TopicConfigsSection
      cluster={cluster}
      topic={topic}
      configs={await describeConfigs(cluster, { type: "topic", name: topic })}
      canEdit={can(role, "topic.configure")}
    />
  );
}

async function TopicConsumers({ cluster, topic }: { cluster: string; topic: string }) {
  return (
    <TopicConsumersCard
      cluster={cluster}
      topic={topic}
      consumers={await listTopicConsumers(cluster, topic)}
    />
  );
}

/** The Partitions tab with the topic's sizes (DescribeLogDirs), read only when the tab shows. */
async function TopicPartitions({
  cluster,
  role,
  details,
  range,
}: {
  cluster: string;
  role: Role;
  details: TopicDetails;
  range: "1h" | "24h" | "7d";
}) {
  const sized = await readTopicSizes(cluster, details.name);
  return (
    <>
      <PartitionsTab
        cluster={cluster}
        role={role}
        details={details}
        sizes={sized.ok ? sized.data : null}
        sizesProblem={sized.ok ? undefined : sized.problem.title}
      />
      <div className="mt-6">
        <ThroughputCard
          throughput={await readThroughput(cluster, details.name, range)}
          rangeHref={(option) => `${topicPath(cluster, details.name, "partitions")}&range=${option}`}
        />
      </div>
    </>
  );
}
