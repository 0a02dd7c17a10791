import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/shell/page-header";
import { CreateTopicForm } from "@/components/topics/create-topic-form";
import { TopicsProblemPanel } from "@/components/topics/topics-problem-panel";
import { Card, CardHeader } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { topicPath, topicsPath } from "@/lib/paths";
import { requirePagePermission } from "@/lib/server/auth";
import { topicCreationContext } from "@/lib/server/kafka";

import { clusterOf } from "../_lib/cluster-param";

export const dynamic = "force-dynamic";

type Params = Promise<{ cluster: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const metadata: Metadata = { title: "Create topic" };

/** Create a topic (operator); ?like=topic starts from another topic's partitions, replication and own configs. */
export default async function CreateTopicPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  await requirePagePermission("topic.create");
  const cluster = await clusterOf(params);
  const requested = (await searchParams).like;
  const likeName = typeof requested === "string" && requested !== "" ? requested : undefined;
  const back = (
    <Link href={topicsPath(cluster)} className="text-sky-700 hover:underline dark:text-sky-400">
      Topics
    </Link>
  );
  const context = await topicCreationContext(cluster, likeName);
  if (!context.ok)
    return (
      <>
        <PageHeader title="Create topic" description={back} />
        <TopicsProblemPanel heading="The cluster cannot be read" problem={context.problem} />
      </>
    );
  const { like, liveBrokers } = context.data;
  return (
    <>
      <PageHeader
        title={like ? `Create topic like ${like.name}` : "Create topic"}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {back}
            {like && (
              <>
                <span aria-hidden="true">·</span>
                <span>
                  copying{" "}
                  <Link
                    href={topicPath(cluster, like.name)}
                    className="text-sky-700 hover:underline dark:text-sky-400"
                  >
                    {like.name}
                  </Link>
                  &apos;s partitions, replication and own configs
                </span>
              </>
            )}
          </span>
        }
      />
      {context.data.likeMissing && (
        <div className="mb-4">
          <FormMessage tone="error">
            Topic {likeName} does not exist on {cluster}, or the console may not describe it; starting from an
            empty form.
          </FormMessage>
        </div>
      )}
      <Card aria-labelledby="create-topic-title">
        <CardHeader
          titleId="create-topic-title"
          title="New topic"
          description={
            context.data.catalogFrom
              ? "Kafka checks the topic (validateOnly) before creating it. Configs come from the broker's own list."
              : "Kafka checks the topic (validateOnly) before creating it. No topic could be described, so no config list is offered."
          }
        />
        <CreateTopicForm
          cluster={cluster}
          liveBrokers={liveBrokers}
          existing={context.data.existing}
          catalog={context.data.catalog}
          defaults={{
            name: "",
            partitions: like?.partitions ?? 1,
            replicationFactor: like
              ? Math.min(like.replicationFactor, Math.max(liveBrokers, 1))
              : Math.min(3, Math.max(liveBrokers, 1)),
            configs: Object.entries(like?.configs ?? {}).map(([name, value]) => ({ name, value })),
          }}
        />
      </Card>
    </>
  );
}
