import type { ClusterProblem } from "@/lib/schemas/cluster";
import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { AlertIcon } from "@/components/ui/icons";

/** Why the bindings cannot be listed; a broker without an authorizer gets its own explanation. */
export function AclsProblemPanel({ cluster, problem }: { cluster: string; problem: ClusterProblem }) {
  const securityDisabled = problem.code === "SECURITY_DISABLED";
  return (
    <section
      role="alert"
      aria-labelledby="acls-problem-heading"
      className="flex gap-3 rounded-lg border border-red-300 bg-red-50 p-5 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
    >
      <AlertIcon className="mt-0.5 size-5 shrink-0 text-red-600 dark:text-red-400" />
      <div className="min-w-0 space-y-2">
        <h2 id="acls-problem-heading" className="text-base font-semibold">
          {securityDisabled
            ? "No authorizer on this cluster"
            : `ACLs of ${cluster} cannot be listed: ${CLUSTER_PROBLEM_HEADINGS[problem.kind]}`}
        </h2>
        {securityDisabled ? (
          <p className="text-sm">
            The brokers of <span className="font-mono">{cluster}</span> run without an authorizer, so they
            keep no ACLs and every client may do everything. Set{" "}
            <code className="font-mono">
              authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
            </code>{" "}
            (KRaft) and <code className="font-mono">super.users</code> on every broker and controller, then
            restart them; this page then lists and manages the bindings.
          </p>
        ) : (
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
