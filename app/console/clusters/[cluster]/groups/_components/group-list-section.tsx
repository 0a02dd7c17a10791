import type { ClusterProblem } from "@/lib/schemas/cluster";
import type { GroupListQuery } from "@/lib/schemas/groups";
import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { ProblemAlert } from "@/components/cluster/problem-alert";
import { GroupPagination } from "@/components/groups/group-pagination";
import { GroupsTable, type GroupRow } from "@/components/groups/groups-table";
import { EmptyState } from "@/components/ui/empty-state";
import { GroupsIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";

type Listed =
  | { ok: true; data: { total: number; page: number; pageSize: number; groups: GroupRow[] } }
  | { ok: false; problem: ClusterProblem };

/** One page of groups as listed by the server, or why the cluster could not list them. */
export function GroupListSection({
  cluster,
  query,
  listed,
  lagTrends,
  timeLags,
}: {
  cluster: string;
  query: GroupListQuery;
  listed: Listed;
  /** The shown groups' recent total lag, from the console's store. */
  lagTrends?: { hours: number; values: ReadonlyMap<string, readonly number[]> };
  /** Each shown group's largest time lag (ms); absent when it could not be read for this page. */
  timeLags?: ReadonlyMap<string, number | null>;
}) {
  if (!listed.ok) {
    return (
      <div className="p-5">
        <ProblemAlert
          heading={`Groups of ${cluster} cannot be listed: ${CLUSTER_PROBLEM_HEADINGS[listed.problem.kind]}`}
          problem={listed.problem}
        />
      </div>
    );
  }
  const { total, page, pageSize, groups } = listed.data;
  const filtered = Boolean(query.q?.trim() || query.type || query.state || query.topic);
  if (groups.length === 0) {
    return (
      <div className="p-5">
        <EmptyState
          icon={<GroupsIcon className="size-6" />}
          title={filtered ? "No group matches" : "No consumer groups yet"}
          description={
            filtered
              ? "No group matches the search and filters. Clear them to see every group."
              : `The brokers of ${cluster} list no groups. A group appears when a consumer joins one or commits offsets for it.`
          }
        />
      </div>
    );
  }
  return (
    <>
      <GroupsTable
        cluster={cluster}
        groups={groups}
        labelledBy="groups-title"
        timeLags={timeLags}
        lagTrends={lagTrends}
      />
      <GroupPagination cluster={cluster} total={total} page={page} pageSize={pageSize} query={query} />
    </>
  );
}

export function GroupListSkeleton() {
  return (
    <div className="space-y-3 p-5">
      <p className="sr-only" role="status">
        Loading groups…
      </p>
      {Array.from({ length: 10 }, (_, index) => (
        <Skeleton key={index} className="h-7 w-full" />
      ))}
    </div>
  );
}
