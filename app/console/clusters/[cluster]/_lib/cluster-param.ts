import "server-only";

import { notFound } from "next/navigation";
import { isConfiguredCluster } from "@/lib/server/kafka";

/** The route's {cluster} segment; typed to what Next passes a page under app/console/clusters/[cluster]. */
export type ClusterParams = Promise<{ cluster: string }>;

/** The configured cluster the route names; any other name is a 404, as in the REST API. */
export async function clusterOf(params: ClusterParams): Promise<string> {
  const { cluster } = await params;
  if (!isConfiguredCluster(cluster)) notFound();
  return cluster;
}
