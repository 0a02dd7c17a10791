import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/server/auth";
import { describeGroupWithTimeLag } from "@/lib/server/kafka";
import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { ProblemAlert } from "@/components/cluster/problem-alert";
import { GroupDeleteCard } from "@/components/groups/group-delete-card";
import { GroupStateBadge, GroupTypeBadge, LagText, TimeLagText } from "@/components/groups/group-labels";
import { GroupMembersTable } from "@/components/groups/group-members-table";
import { GroupOffsetsTable } from "@/components/groups/group-offsets-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage } from "@/components/ui/field";
import { LagHistoryCard } from "@/components/groups/lag-history-card";
import { consumerGroupPath, consumerGroupResetPath, consumerGroupsPath } from "@/lib/paths";
import { can } from "@/lib/permissions";
import { lagHistoryQuerySchema } from "@/lib/schemas/lag-history";
import { readLagHistory } from "@/lib/server/lag-history/read";
import { clusterOf } from "../../_lib/cluster-param";
import { committedTopics } from "./_lib/committed-topics";
import { groupOf } from "./_lib/group-param";

export const dynamic = "force-dynamic";

type Params = Promise<{ cluster: string; group: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: groupOf((await params).group) };
}

export default async function ConsumerGroupPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ range?: string | string[] }>;
}) {
  const { role } = await requirePagePermission("group.view");
  const cluster = await clusterOf(params);
  const groupId = groupOf((await params).group);
  const back = (
    <Link href={consumerGroupsPath(cluster)} className="text-sky-700 hover:underline dark:text-sky-400">
      Consumer groups
    </Link>
  );

  const described = await describeGroupWithTimeLag(cluster, groupId);
  if (!described.ok) {
    return (
      <>
        <PageHeader title={groupId} description={back} />
        <ProblemAlert
          heading={`Group ${groupId} cannot be described: ${CLUSTER_PROBLEM_HEADINGS[described.problem.kind]}`}
          problem={described.problem}
        />
      </>
    );
  }
  const group = described.data;
  if (!group) notFound();
  // A hand-edited range falls back to the last hour.
  const { range } = lagHistoryQuerySchema.catch({ range: "1h", partitions: false }).parse(await searchParams);

  return (
    <>
      <PageHeader
        title={group.id}
        actions={
          can(role, "group.reset") && (
            <Link href={consumerGroupResetPath(cluster, group.id)} className={buttonClassName()}>
              Reset offsets…
            </Link>
          )
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            {back}
            <span aria-hidden="true">·</span>
            <GroupTypeBadge type={group.type} />
            <GroupStateBadge state={group.state} />
            <span>on {cluster}</span>
          </span>
        }
      />
      <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-3 lg:grid-cols-6" aria-label="Summary">
        {[
          ["Protocol", group.protocol ?? "–"],
          ["Coordinator", group.coordinator ?? "–"],
          ["Members", group.members?.length ?? "–"],
          ["Group epoch", group.groupEpoch ?? "–"],
          ["Assignment epoch", group.assignmentEpoch ?? "–"],
        ].map(([label, value]) => (
          <div key={label}>
            <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
            <dd className="font-mono">{value}</dd>
          </div>
        ))}
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Total lag</dt>
          <dd className="font-mono" data-testid="total-lag">
            <LagText lag={group.totalLag} />
          </dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Max time lag</dt>
          <dd className="font-mono" data-testid="max-time-lag">
            <TimeLagText ms={group.maxTimeLagMs} />
          </dd>
        </div>
      </dl>
      {group.unavailable && <FormMessage tone="notice">{group.unavailable}</FormMessage>}
      <LagHistoryCard
        history={await readLagHistory(cluster, group.id, range)}
        rangeHref={(option) => `${consumerGroupPath(cluster, group.id)}?range=${option}`}
      />
      <Card aria-labelledby="members-title">
        <CardHeader titleId="members-title" title="Members" />
        {group.members === null ? null : group.members.length === 0 ? (
          <div className="p-5">
            <EmptyState
              title="No active members"
              description="Nobody is in the group now; its committed offsets stay until they expire or the group is deleted."
            />
          </div>
        ) : (
          <GroupMembersTable members={group.members} labelledBy="members-title" />
        )}
      </Card>
      <Card aria-labelledby="offsets-title">
        <CardHeader
          titleId="offsets-title"
          title="Offsets and lag"
          description={
            group.type === "share"
              ? "Per share-partition: the start offset (the first record not yet acknowledged by all), the log end offset and the lag as the broker reports it, as of loading the page."
              : "Per partition: the committed offset, the log end offset (high watermark), their difference, and how old the next record to consume is (time lag), as of loading the page."
          }
        />
        {group.partitions.length === 0 ? (
          <div className="p-5">
            <EmptyState
              title="No committed offsets"
              description="The group has not committed an offset for any partition, and holds no assigned partitions."
            />
          </div>
        ) : (
          <GroupOffsetsTable
            partitions={group.partitions}
            labelledBy="offsets-title"
            share={group.type === "share"}
          />
        )}
      </Card>
      {can(role, "group.delete") && group.type !== "share" && (
        <GroupDeleteCard
          cluster={cluster}
          groupId={group.id}
          members={group.members?.length ?? null}
          topics={committedTopics(group.partitions)}
        />
      )}
    </>
  );
}
