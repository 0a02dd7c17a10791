import type { Metadata } from "next";
import { Suspense } from "react";
import { groupListQuerySchema, type GroupListQuery } from "@/lib/schemas/groups";
import { requirePagePermission } from "@/lib/server/auth";
import { clusterCapabilities, listGroups, readPageTimeLags, unavailableReason } from "@/lib/server/kafka";
import { readLagSparklines, SPARKLINE_HOURS } from "@/lib/server/lag-history/read";
import { PageHeader } from "@/components/shell/page-header";
import { GroupFilters } from "@/components/groups/group-filters";
import { Card, CardHeader } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { clusterOf, type ClusterParams } from "../_lib/cluster-param";
import { GroupListSection, GroupListSkeleton } from "./_components/group-list-section";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Consumer groups" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ConsumerGroupsPage({
  params: routeParams,
  searchParams,
}: {
  params: ClusterParams;
  searchParams: SearchParams;
}) {
  await requirePagePermission("group.view");
  const cluster = await clusterOf(routeParams);
  const params = await searchParams;
  const parsed = groupListQuerySchema.safeParse({
    q: single(params.q),
    type: single(params.type),
    state: single(params.state),
    topic: single(params.topic),
    sort: single(params.sort),
    page: single(params.page),
  });
  // A hand-edited address falls back to the whole list rather than an error.
  const query = parsed.success ? parsed.data : {};
  const lacking = unavailableReason(await clusterCapabilities(cluster), "groups");

  return (
    <>
      <PageHeader
        title="Consumer groups"
        description={`The groups of ${cluster}, of every type the brokers list; open one for its members and lag.`}
      />
      {lacking ? (
        <FormMessage tone="notice">{lacking}</FormMessage>
      ) : (
        <Card aria-labelledby="groups-title">
          <CardHeader
            titleId="groups-title"
            title="Groups"
            description="Lag is the log end offset minus the committed offset, summed over the partitions the group committed."
          />
          <div className="border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
            <GroupFilters cluster={cluster} query={query} />
          </div>
          {/* Keyed by the query: the filters stay while the next page loads below them. */}
          <Suspense key={JSON.stringify(query)} fallback={<GroupListSkeleton />}>
            <GroupList cluster={cluster} query={query} />
          </Suspense>
        </Card>
      )}
    </>
  );
}

/** Suspends while the broker answers, below the filters. */
async function GroupList({ cluster, query }: { cluster: string; query: GroupListQuery }) {
  const listed = await listGroups(cluster, query);
  const timeLags = listed.ok ? await readPageTimeLags(cluster, listed.data.groups) : undefined;
  // From the console's store, one query for the page's groups.
  const lagTrends = listed.ok
    ? {
        hours: SPARKLINE_HOURS,
        values: await readLagSparklines(
          cluster,
          listed.data.groups.map((group) => group.id),
        ),
      }
    : undefined;
  return (
    <GroupListSection
      cluster={cluster}
      query={query}
      listed={listed}
      timeLags={timeLags?.ok ? timeLags.data : undefined}
      lagTrends={lagTrends}
    />
  );
}
