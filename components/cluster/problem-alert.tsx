import { useId, type ReactNode } from "react";
import type { ClusterProblem } from "@/lib/schemas/cluster";
import { AlertIcon } from "@/components/ui/icons";

/**
 * A page's "the cluster could not answer" alert: the heading, the translated problem (or an
 * explanation of its own in `children`), the Kafka or OpenSSL code kept visible, and how to retry.
 */
export function ProblemAlert({
  heading,
  problem,
  children,
}: {
  heading: ReactNode;
  problem: ClusterProblem;
  children?: ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      role="alert"
      aria-labelledby={headingId}
      className="flex gap-3 rounded-lg border border-red-300 bg-red-50 p-5 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
    >
      <AlertIcon className="mt-0.5 size-5 shrink-0 text-red-600 dark:text-red-400" />
      <div className="min-w-0 space-y-2">
        <h2 id={headingId} className="text-base font-semibold">
          {heading}
        </h2>
        {children ?? (
          <>
            <p className="text-sm font-medium break-words">{problem.title}</p>
            <p className="text-sm break-words text-red-900 dark:text-red-200">{problem.hint}</p>
          </>
        )}
        {problem.code && (
          <p className="text-sm">
            Code:{" "}
            <code className="rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs break-all dark:bg-red-900/60">
              {problem.code}
            </code>
          </p>
        )}
        <p className="text-xs text-red-800 dark:text-red-300">Reload the page to try again.</p>
      </div>
    </section>
  );
}
