import Link from "next/link";
import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { ProblemAlert } from "@/components/cluster/problem-alert";
import { GroupIdLink, GroupStateBadge, GroupTypeBadge, LagText } from "@/components/groups/group-labels";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { GroupsIcon } from "@/components/ui/icons";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { consumerGroupsPath } from "@/lib/paths";
import type { ClusterProblem } from "@/lib/schemas/cluster";

export interface TopicConsumerRow {
  groupId: string;
  type: string;
  state: string;
  members: number | null;
  partitions: number;
  lag: string | null;
}

type Consumers = { ok: true; data: TopicConsumerRow[] } | { ok: false; problem: ClusterProblem };

/** The topic's Consumers tab: the groups with committed offsets on it, each linking to its page. */
export function TopicConsumersCard({
  cluster,
  topic,
  consumers,
}: {
  cluster: string;
  topic: string;
  consumers: Consumers;
}) {
  return (
    <Card aria-labelledby="consumers-title">
      <CardHeader
        titleId="consumers-title"
        title="Consumers"
        description={
          <>
            Groups with committed offsets on {topic}, with their lag on this topic.{" "}
            <Link
              href={consumerGroupsPath(cluster, { topic })}
              className="text-sky-700 hover:underline dark:text-sky-400"
            >
              In the group list
            </Link>
          </>
        }
      />
      {!consumers.ok ? (
        <div className="p-5">
          <ProblemAlert
            heading={`The groups reading ${topic} cannot be listed: ${CLUSTER_PROBLEM_HEADINGS[consumers.problem.kind]}`}
            problem={consumers.problem}
          />
        </div>
      ) : consumers.data.length === 0 ? (
        <div className="p-5">
          <EmptyState
            icon={<GroupsIcon className="size-6" />}
            title="No group reads this topic"
            description={`No consumer group has committed offsets on ${topic}. A group appears here once it commits.`}
          />
        </div>
      ) : (
        <Table aria-labelledby="consumers-title">
          <TableHead>
            <tr>
              <TableHeaderCell>Group</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
              <TableHeaderCell className="text-right">Members</TableHeaderCell>
              <TableHeaderCell className="text-right">Partitions</TableHeaderCell>
              <TableHeaderCell className="text-right">Lag on {topic}</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {consumers.data.map((group) => (
              <tr key={group.groupId}>
                <TableCell className="max-w-sm">
                  <GroupIdLink cluster={cluster} groupId={group.groupId} />
                </TableCell>
                <TableCell>
                  <GroupTypeBadge type={group.type} />
                </TableCell>
                <TableCell>
                  <GroupStateBadge state={group.state} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {group.members ?? <span className="text-zinc-500">–</span>}
                </TableCell>
                <TableCell className="text-right tabular-nums">{group.partitions}</TableCell>
                <TableCell className="text-right tabular-nums">
                  <LagText lag={group.lag} />
                </TableCell>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
