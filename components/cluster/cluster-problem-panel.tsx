import { useId } from "react";
import type { ClusterProblem, ClusterProblemKind } from "@/lib/schemas/cluster";
import { AlertIcon } from "@/components/ui/icons";
import { LocalTime } from "@/components/ui/local-time";

/** The heading for each kind of problem: what the operator reads first. */
export const CLUSTER_PROBLEM_HEADINGS: Record<ClusterProblemKind, string> = {
  unreachable: "Cluster unreachable",
  tls: "TLS handshake failed",
  authentication: "Authentication failed",
  authorization: "Not authorized",
  broker: "Broker error",
  "unknown-cluster": "Unknown cluster",
};

interface ClusterProblemPanelProps {
  problem: ClusterProblem;
  checkedAt: string;
  retryEverySeconds: number;
}

export function ClusterProblemPanel({ problem, checkedAt, retryEverySeconds }: ClusterProblemPanelProps) {
  const headingId = useId();
  return (
    <section className="rounded-lg border border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
      {/* The alert holds only what changes with the problem; the ticking time stays outside it so
          screen readers are not interrupted on every poll. */}
      <div role="alert" aria-labelledby={headingId} className="flex gap-3 px-5 pt-5">
        <AlertIcon className="mt-0.5 size-5 shrink-0 text-red-600 dark:text-red-400" />
        <div className="min-w-0 space-y-2">
          <h2 id={headingId} className="text-base font-semibold">
            {CLUSTER_PROBLEM_HEADINGS[problem.kind]}
          </h2>
          <p className="text-sm font-medium break-words">{problem.title}</p>
          <p className="text-sm break-words text-red-900 dark:text-red-200">{problem.hint}</p>
          {problem.code && (
            <p className="text-sm">
              Code:{" "}
              <code className="rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs break-all dark:bg-red-900/60">
                {problem.code}
              </code>
            </p>
          )}
        </div>
      </div>
      <p className="mt-4 border-t border-red-200 px-5 py-3 text-xs text-red-800 dark:border-red-900 dark:text-red-300">
        Last checked <LocalTime iso={checkedAt} />. This page retries every {retryEverySeconds} seconds by
        itself.
      </p>
    </section>
  );
}
