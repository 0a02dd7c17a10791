import Link from "next/link";

import { schemaSubjectPath } from "@/lib/paths";
import type { TopicSubjects } from "@/lib/schemas/schema-produce";

/**
 * The subjects a topic uses under TopicNameStrategy (`<topic>-key`, `<topic>-value`), linked to
 * their pages; or why none can be shown. Awaits its promise: put it under Suspense, so a slow
 * registry never holds the topic's page.
 */
export async function TopicSubjectLinks({
  cluster,
  subjects,
}: {
  cluster: string;
  subjects: Promise<TopicSubjects>;
}) {
  const answer = await subjects;
  const label = <span className="text-zinc-500 dark:text-zinc-400">Schemas: </span>;
  if (answer.state === "not-configured")
    return <span className="flex items-center gap-1">{label} No registry configured</span>;
  if (answer.state === "unavailable")
    return (
      <span className="flex items-center gap-1" title={`${answer.problem.title}. ${answer.problem.hint}`}>
        {label} Registry unavailable
      </span>
    );
  const used = [answer.key, answer.value].filter((subject) => subject !== undefined);
  return (
    <span className="flex flex-wrap items-center gap-1" data-testid="topic-subjects">
      {label}
      {used.length === 0
        ? "none registered"
        : used.map((subject) => (
            <Link
              key={subject}
              href={schemaSubjectPath(cluster, subject)}
              className="font-mono text-sky-700 hover:underline dark:text-sky-400"
            >
              {subject}
            </Link>
          ))}
    </span>
  );
}
