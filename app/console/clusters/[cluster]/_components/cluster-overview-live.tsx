"use client";

import type { ClusterStatus } from "@/lib/schemas/cluster";
import { CLUSTER_STATUS_POLL_MS, useClusterStatus } from "@/lib/queries/cluster";
import { ApiVersionsTable } from "@/components/cluster/api-versions-table";
import { BrokersTable } from "@/components/cluster/brokers-table";
import { ClusterProblemPanel } from "@/components/cluster/cluster-problem-panel";
import { ClusterSummary } from "@/components/cluster/cluster-summary";
import { FeaturesCard } from "@/components/cluster/features-card";
import { StatusFreshness } from "@/components/cluster/status-freshness";
import { PageHeader } from "@/components/shell/page-header";
import { AlertIcon } from "@/components/ui/icons";
import { useHydrated } from "@/components/ui/use-hydrated";

interface ClusterOverviewLiveProps {
  cluster: string;
  /** Rendered on the server, so the first paint has data; polling takes over from there. */
  initialStatus: ClusterStatus;
}

export function ClusterOverviewLive({ cluster, initialStatus }: ClusterOverviewLiveProps) {
  const query = useClusterStatus(cluster, initialStatus);
  // The header may have created this query first (its data then wins over initialStatus); until
  // hydration is done, render exactly what the server did.
  const hydrated = useHydrated();
  const status = (hydrated && query.data) || initialStatus;
  const isError = hydrated && query.isError;
  const isFetching = hydrated && query.isFetching;
  return (
    <>
      <PageHeader
        title="Overview"
        description={
          <>
            Cluster <span className="font-medium text-zinc-900 dark:text-zinc-100">{cluster}</span>
          </>
        }
        actions={<StatusFreshness status={status} checking={isFetching} />}
      />
      {isError && (
        <p className="mb-4 flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200">
          <AlertIcon className="size-4 shrink-0" />
          The console server is not answering. This is the last known state; the page keeps retrying.
        </p>
      )}
      {status.ok ? (
        <div className="space-y-6">
          <ClusterSummary overview={status.overview} />
          <BrokersTable brokers={status.overview.brokers} cluster={cluster} />
          <FeaturesCard
            features={status.overview.finalizedFeatures}
            apiVersions={status.overview.apiVersions}
          />
          <ApiVersionsTable apiVersions={status.overview.apiVersions} />
        </div>
      ) : (
        <ClusterProblemPanel
          problem={status.problem}
          checkedAt={status.checkedAt}
          retryEverySeconds={CLUSTER_STATUS_POLL_MS / 1000}
        />
      )}
    </>
  );
}
