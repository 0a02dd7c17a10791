"use client";

import { useParams } from "next/navigation";

/** The clusters the shell knows of, and the one addresses without a cluster lead to. */
export interface ShellClusters {
  names: string[];
  defaultCluster?: string;
}

/** The cluster the page is about: the route's {cluster}, else (admin, tools) the default. */
export function useCurrentCluster({ names, defaultCluster }: ShellClusters): string | undefined {
  const params = useParams<{ cluster?: string }>();
  const routed = typeof params?.cluster === "string" ? params.cluster : undefined;
  return routed !== undefined && names.includes(routed) ? routed : defaultCluster;
}
