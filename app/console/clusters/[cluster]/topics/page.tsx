import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { can } from "@/lib/permissions";
import { newTopicPath } from "@/lib/paths";
import { buttonClassName } from "@/components/ui/button";
import { topicListQuerySchema, type TopicListQuery } from "@/lib/schemas/topics";
import { requirePagePermission } from "@/lib/server/auth";
import { listTopics } from "@/lib/server/kafka";
import { PageHeader } from "@/components/shell/page-header";
import { TopicListSection, TopicListSkeleton } from "./_components/topic-list-section";
import { TopicSearch } from "@/components/topics/topic-search";
import { Card, CardHeader } from "@/components/ui/card";
import { clusterOf, type ClusterParams } from "../_lib/cluster-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Topics" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function TopicsPage({
  params: routeParams,
  searchParams,
}: {
  params: ClusterParams;
  searchParams: SearchParams;
}) {
  const { role } = await requirePagePermission("topic.view");
  const cluster = await clusterOf(routeParams);
  const params = await searchParams;
  const parsed = topicListQuerySchema.safeParse({
    q: single(params.q),
    page: single(params.page),
    internal: single(params.internal),
    sort: single(params.sort),
  });
  // A hand-edited address falls back to the first page rather than an error.
  const query = parsed.success ? parsed.data : {};
  const header = (
    <PageHeader
      title="Topics"
      description={`The topics of ${cluster}; open one to read and produce messages.`}
      actions={
        can(role, "topic.create") && (
          <Link href={newTopicPath(cluster)} className={buttonClassName("primary")}>
            Create topic
          </Link>
        )
      }
    />
  );

  return (
    <>
      {header}
      <Card aria-labelledby="topics-title">
        <CardHeader titleId="topics-title" title="Topics" />
        <div className="border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
          <Suspense>
            <TopicSearch />
          </Suspense>
        </div>
        {/* Keyed by the query: the search box stays while the next page loads below it. */}
        <Suspense key={JSON.stringify(query)} fallback={<TopicListSkeleton />}>
          <TopicList cluster={cluster} query={query} />
        </Suspense>
      </Card>
    </>
  );
}

/** Suspends while the broker answers, below the search box. */
async function TopicList({ cluster, query }: { cluster: string; query: TopicListQuery }) {
  return <TopicListSection cluster={cluster} query={query} listed={await listTopics(cluster, query)} />;
}
