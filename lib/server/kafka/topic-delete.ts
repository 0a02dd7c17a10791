import "server-only";

// Deleting a topic (DeleteTopics through the controller), never one of Kafka's internal topics.
// Kafka removes the topic's data in the background; its name is gone from Metadata at once or
// within moments. Audited with what the topic was.
import type { Principal } from "@/lib/server/auth";

import { withClusterAdmin } from "./pooled-clients";
import { topicAuditor, topicOpsRefusal, withTopicForChange, type TopicOpsResult } from "./topic-ops";

export interface TopicDeleted {
  cluster: string;
  topic: string;
  partitions: number;
}

export async function deleteTopic(
  cluster: string,
  topic: string,
  actor: Principal,
): Promise<TopicOpsResult<TopicDeleted>> {
  const audit = topicAuditor(cluster, topic, actor, "topic.delete");
  return withTopicForChange(cluster, topic, audit, async ({ topic: found }) => {
    const before = {
      partitions: found.partitions.length,
      replicationFactor: Math.max(0, ...found.partitions.map((partition) => partition.replicaNodes.length)),
    };
    const deleted = await withClusterAdmin(cluster, (admin) => admin.deleteTopics({ topics: [topic] }), {
      cluster,
      operation: "DELETE",
      resourceName: topic,
    });
    if (!deleted.ok) {
      const refusal = topicOpsRefusal(deleted.problem);
      await audit("failure", { ...before, code: refusal.code });
      return refusal;
    }
    await audit("success", { ...before, after: "deleted" });
    return { ok: true, data: { cluster, topic, partitions: before.partitions } };
  });
}
