import { ProblemAlert } from "@/components/cluster/problem-alert";

/** The registry's refusal or failure on a page: its title, what to check, and its code kept visible. */
export function RegistryProblem({
  heading,
  problem,
}: {
  heading: string;
  problem: { title: string; hint: string; code?: string };
}) {
  const { title, hint, code } = problem;
  return <ProblemAlert heading={heading} problem={{ kind: "broker", title, hint, code }} />;
}
