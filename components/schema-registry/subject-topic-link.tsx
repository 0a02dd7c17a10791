import Link from "next/link";

import { topicPath } from "@/lib/paths";
import type { SubjectTopic } from "@/lib/schemas/schema-produce";

/**
 * The topic a subject serves under TopicNameStrategy, linked when the cluster has it. For the
 * subject's page: `<SubjectTopicLink cluster={c} topic={topicForSubject(c, subject)} />` under
 * Suspense; renders nothing for subjects that name no topic.
 */
export async function SubjectTopicLink({
  cluster,
  topic,
}: {
  cluster: string;
  topic: Promise<SubjectTopic | undefined>;
}) {
  const named = await topic;
  if (!named) return null;
  const role = named.part === "key" ? "keys" : "values";
  return (
    <span data-testid="subject-topic">
      <span className="text-zinc-500 dark:text-zinc-400">Topic ({role}): </span>
      {named.exists === false ? (
        <span className="font-mono">{named.topic} (not on this cluster)</span>
      ) : (
        <Link
          href={topicPath(cluster, named.topic)}
          className="font-mono text-sky-700 hover:underline dark:text-sky-400"
        >
          {named.topic}
        </Link>
      )}
    </span>
  );
}
