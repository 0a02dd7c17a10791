import type { ClusterProblem } from "@/lib/schemas/cluster";
import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { ProblemAlert } from "@/components/cluster/problem-alert";

/** Why the bindings cannot be listed; a broker without an authorizer gets its own explanation. */
export function AclsProblemPanel({ cluster, problem }: { cluster: string; problem: ClusterProblem }) {
  if (problem.code !== "SECURITY_DISABLED")
    return (
      <ProblemAlert
        heading={`ACLs of ${cluster} cannot be listed: ${CLUSTER_PROBLEM_HEADINGS[problem.kind]}`}
        problem={problem}
      />
    );
  return (
    <ProblemAlert heading="No authorizer on this cluster" problem={problem}>
      <p className="text-sm">
        The brokers of <span className="font-mono">{cluster}</span> run without an authorizer, so they keep no
        ACLs and every client may do everything. Set{" "}
        <code className="font-mono">
          authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
        </code>{" "}
        (KRaft) and <code className="font-mono">super.users</code> on every broker and controller, then
        restart them; this page then lists and manages the bindings.
      </p>
    </ProblemAlert>
  );
}
