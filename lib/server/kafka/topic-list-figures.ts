// What the topic list shows beside names and counts: partitions' health from the Metadata answer
// (free), and retention and cleanup policy from one DescribeConfigs of the shown page's topics only.
import type { Admin } from "@platformatic/kafka";

import type { MetadataSnapshot } from "./cluster-metadata";
import { responseWithErrorsUnder, sendRaw } from "./raw-request";

const TOPIC_RESOURCE = 2;
const LIST_KEYS = ["cleanup.policy", "retention.ms", "retention.bytes"];

export interface TopicHealth {
  /** Partitions whose in-sync replicas are fewer than their replicas. */
  underReplicated: number;
  /** Partitions without a leader: nobody can read or write them. */
  offline: number;
}

export interface TopicListConfigs {
  cleanupPolicy: string | null;
  /** Decimal strings as Kafka gives them; "-1" means unlimited. */
  retentionMs: string | null;
  retentionBytes: string | null;
}

export function topicHealth(partitions: MetadataSnapshot["topics"][number]["partitions"]): TopicHealth {
  let underReplicated = 0;
  let offline = 0;
  for (const partition of partitions) {
    if (partition.leaderId < 0) offline += 1;
    if (partition.isrNodes.length < partition.replicaNodes.length) underReplicated += 1;
  }
  return { underReplicated, offline };
}

interface DescribeConfigsAnswer {
  results: {
    errorCode: number;
    resourceName: string;
    configs: { name: string; value: string | null }[];
  }[];
}

/** Retention and cleanup policy of the named topics in one request; a topic Kafka refused is missing. */
export async function readTopicListConfigs(
  admin: Admin,
  topics: readonly string[],
): Promise<Map<string, TopicListConfigs>> {
  if (topics.length === 0) return new Map();
  const answer = await sendRaw<DescribeConfigsAnswer>(admin, {
    api: "DescribeConfigs",
    args: [
      topics.map((name) => ({
        resourceType: TOPIC_RESOURCE,
        resourceName: name,
        configurationKeys: LIST_KEYS,
      })),
      false,
      false,
    ],
    // One topic the console may not describe leaves the others' configs usable.
    keepPartial: (error) => responseWithErrorsUnder<DescribeConfigsAnswer>("/results/", error),
  });
  const configs = new Map<string, TopicListConfigs>();
  for (const result of answer.results) {
    if (result.errorCode !== 0) continue;
    const value = (name: string) => result.configs.find((config) => config.name === name)?.value ?? null;
    configs.set(result.resourceName, {
      cleanupPolicy: value("cleanup.policy"),
      retentionMs: value("retention.ms"),
      retentionBytes: value("retention.bytes"),
    });
  }
  return configs;
}
