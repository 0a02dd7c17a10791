import type { ClusterProblem } from "@/lib/schemas/cluster";
import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { ProblemAlert } from "@/components/cluster/problem-alert";

/** Why the cluster could not answer for its topics: heading by kind, the translated problem, its code. */
export function TopicsProblemPanel({ heading, problem }: { heading: string; problem: ClusterProblem }) {
  return <ProblemAlert heading={`${heading}: ${CLUSTER_PROBLEM_HEADINGS[problem.kind]}`} problem={problem} />;
}
