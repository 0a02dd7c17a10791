import type { ClusterProblem } from "@/lib/schemas/cluster";
import type { TopicListQuery, TopicSort } from "@/lib/schemas/topics";
import { EmptyState } from "@/components/ui/empty-state";
import { TopicsIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { TopicPagination } from "@/components/topics/topic-pagination";
import { TopicsProblemPanel } from "@/components/topics/topics-problem-panel";
import { TopicsTable, type TopicRow } from "@/components/topics/topics-table";

type Listed =
  | {
      ok: true;
      data: { total: number; page: number; pageSize: number; sort: TopicSort; topics: TopicRow[] };
    }
  | { ok: false; problem: ClusterProblem };

/** One page of topics as listed by the server, or why the cluster could not list them. */
export function TopicListSection({
  cluster,
  query,
  listed,
}: {
  cluster: string;
  query: TopicListQuery;
  listed: Listed;
}) {
  if (!listed.ok) {
    return (
      <div className="p-5">
        <TopicsProblemPanel heading={`Topics of ${cluster} cannot be listed`} problem={listed.problem} />
      </div>
    );
  }
  const { total, page, pageSize, sort, topics } = listed.data;
  const q = query.q?.trim();
  if (topics.length === 0) {
    return (
      <div className="p-5">
        <EmptyState
          icon={<TopicsIcon className="size-6" />}
          title={q ? "No topic matches" : "No topics yet"}
          description={
            q
              ? `No ${query.internal ? "" : "non-internal "}topic name contains “${q}”.`
              : "The cluster holds no topics the console may describe. Clients create them, or an admin does with kafka-topics."
          }
        />
      </div>
    );
  }
  return (
    <>
      <TopicsTable
        topics={topics}
        labelledBy="topics-title"
        links={{ cluster, q, internal: query.internal, sort }}
      />
      <TopicPagination
        cluster={cluster}
        total={total}
        page={page}
        pageSize={pageSize}
        q={q}
        internal={query.internal}
        sort={sort}
      />
    </>
  );
}

export function TopicListSkeleton() {
  return (
    <div className="space-y-3 p-5">
      <p className="sr-only" role="status">
        Loading topics…
      </p>
      {Array.from({ length: 10 }, (_, index) => (
        <Skeleton key={index} className="h-7 w-full" />
      ))}
    </div>
  );
}
