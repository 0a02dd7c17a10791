import type { Metadata } from "next";
import Link from "next/link";

import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { ProblemAlert } from "@/components/cluster/problem-alert";
import { GroupStateBadge, GroupTypeBadge } from "@/components/groups/group-labels";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { consumerGroupOffsetsExportPath, consumerGroupPath } from "@/lib/paths";
import { requirePagePermission } from "@/lib/server/auth";
import { describeGroup } from "@/lib/server/kafka";

import { clusterOf } from "../../../_lib/cluster-param";
import { groupOf } from "../_lib/group-param";
import { ResetOffsetsPanel } from "./_components/reset-offsets-panel";

export const dynamic = "force-dynamic";

type Params = Promise<{ cluster: string; group: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Reset offsets · ${groupOf((await params).group)}` };
}

/** Reset a group's offsets by mode, or import them from a file; also for a group that does not exist yet. */
export default async function ResetGroupOffsetsPage({ params }: { params: Params }) {
  await requirePagePermission("group.reset");
  const cluster = await clusterOf(params);
  const groupId = groupOf((await params).group);
  const back = (
    <Link
      href={consumerGroupPath(cluster, groupId)}
      className="text-sky-700 hover:underline dark:text-sky-400"
    >
      {groupId}
    </Link>
  );
  const described = await describeGroup(cluster, groupId);
  if (!described.ok) {
    return (
      <>
        <PageHeader title="Reset offsets" description={back} />
        <ProblemAlert
          heading={`Group ${groupId} cannot be described: ${CLUSTER_PROBLEM_HEADINGS[described.problem.kind]}`}
          problem={described.problem}
        />
      </>
    );
  }
  const group = described.data;
  const members = group?.members ?? [];
  return (
    <>
      <PageHeader
        title="Reset offsets"
        description={
          <span className="flex flex-wrap items-center gap-2">
            {back}
            {group && <GroupTypeBadge type={group.type} />}
            {group && <GroupStateBadge state={group.state} />}
            <span>on {cluster}</span>
          </span>
        }
        actions={
          group && (
            <>
              <a
                className={buttonClassName()}
                href={consumerGroupOffsetsExportPath(cluster, groupId, "csv")}
                download
              >
                Export CSV
              </a>
              <a
                className={buttonClassName()}
                href={consumerGroupOffsetsExportPath(cluster, groupId, "json")}
                download
              >
                Export JSON
              </a>
            </>
          )
        }
      />
      {!group && (
        <FormMessage tone="notice">
          Group {groupId} does not exist on {cluster} yet. A reset creates it at the offsets you choose: name
          a topic.
        </FormMessage>
      )}
      {members.length > 0 && (
        <FormMessage tone="notice">
          The group has {members.length} active member{members.length === 1 ? "" : "s"} (
          {members.map((member) => member.clientId || member.memberId).join(", ")}). Kafka takes new offsets
          only while a group has no members: stop its consumers first.
        </FormMessage>
      )}
      <ResetOffsetsPanel cluster={cluster} group={groupId} topics={group?.topics ?? []} />
    </>
  );
}
