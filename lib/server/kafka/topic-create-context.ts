import "server-only";

// What the create-topic form needs from the cluster: how many brokers are alive (the replication
// factor's bound), the existing names (the '.'/'_' collision warning), the topic configs the broker
// knows with their documentation, type and default (read from an existing topic: the broker lists
// topic configs only for a topic), and for "Create like…" the other topic's settings.
import type { ConfigEntry } from "@/lib/schemas/configs";

import { fetchClusterMetadata, type MetadataSnapshot } from "./cluster-metadata";
import type { ClusterResult } from "./cluster-pool";
import { describeConfigs } from "./configs";
import { withClusterAdmin } from "./pooled-clients";

export interface LikeTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** The topic's own (dynamic topic) configs; sensitive ones left out. */
  configs: Record<string, string>;
}

export interface TopicCreationContext {
  liveBrokers: number;
  existing: string[];
  /** Topic configs with documentation and default; empty when no topic could be described. */
  catalog: ConfigEntry[];
  /** The topic the catalog was read from. */
  catalogFrom: string | null;
  /** The topic asked for with ?like=, or null (also when it does not exist: `likeMissing`). */
  like: LikeTopic | null;
  likeMissing: boolean;
}

type Topic = MetadataSnapshot["topics"][number] & { name: string };

export async function topicCreationContext(
  cluster: string,
  likeName?: string,
): Promise<ClusterResult<TopicCreationContext>> {
  const metadata = await withClusterAdmin(cluster, (admin) => fetchClusterMetadata(admin), { cluster });
  if (!metadata.ok) return metadata;
  const topics = metadata.data.topics.filter((topic): topic is Topic => typeof topic.name === "string");
  const likeTopic = likeName ? topics.find((topic) => topic.name === likeName) : undefined;
  const source = likeTopic ?? topics.find((topic) => !topic.isInternal) ?? topics[0];
  const described = source ? await describeConfigs(cluster, { type: "topic", name: source.name }) : null;
  const catalog = described?.ok ? described.data : [];
  return {
    ok: true,
    data: {
      liveBrokers: metadata.data.brokers.length,
      existing: topics.map((topic) => topic.name).sort(),
      catalog,
      catalogFrom: described?.ok ? source!.name : null,
      like: likeTopic && described?.ok ? likeOf(likeTopic, catalog) : null,
      likeMissing: Boolean(likeName) && !likeTopic,
    },
  };
}

function likeOf(topic: Topic, catalog: ConfigEntry[]): LikeTopic {
  const configs = Object.fromEntries(
    catalog
      .filter((entry) => entry.source === "dynamic-topic" && !entry.sensitive && entry.value !== null)
      .map((entry) => [entry.name, entry.value!]),
  );
  return {
    name: topic.name,
    partitions: Math.max(topic.partitions.length, 1),
    replicationFactor: Math.max(topic.partitions[0]?.replicaNodes.length ?? 1, 1),
    configs,
  };
}
