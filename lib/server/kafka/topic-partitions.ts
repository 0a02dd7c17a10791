import "server-only";

// Adding partitions to a topic (CreatePartitions through the controller): always checked first with
// validateOnly, so a count Kafka refuses (not more than now, too many for the brokers) changes
// nothing; the real call follows unless only the check was asked for. Audited with before and after.
import type { AddPartitionsRequest } from "@/lib/schemas/topic-ops";
import type { Principal } from "@/lib/server/auth";

import { withClusterAdmin } from "./pooled-clients";
import {
  topicAuditor,
  topicOpsFailure,
  topicOpsRefusal,
  withTopicForChange,
  type TopicOpsFailure,
  type TopicOpsResult,
} from "./topic-ops";

export interface PartitionsAdded {
  cluster: string;
  topic: string;
  before: number;
  after: number;
  /** True when only Kafka's check ran: nothing changed. */
  validateOnly: boolean;
}

export async function addPartitions(
  cluster: string,
  topic: string,
  { count, validateOnly }: AddPartitionsRequest,
  actor: Principal,
): Promise<TopicOpsResult<PartitionsAdded>> {
  const audit = topicAuditor(cluster, topic, actor, "topic.partitions");
  return withTopicForChange(cluster, topic, audit, async ({ topic: found }) => {
    const before = found.partitions.length;
    const refuse = async (failure: TopicOpsFailure) => {
      if (!validateOnly) await audit("failure", { before, requested: count, code: failure.code });
      return failure;
    };
    if (count <= before)
      return refuse(
        topicOpsFailure(
          422,
          "INVALID_PARTITIONS",
          `Topic ${topic} has ${before} partitions; Kafka only adds partitions, so ask for more than ${before}.`,
        ),
      );
    const context = { cluster, operation: "ALTER", resourceName: topic };
    const checked = await withClusterAdmin(
      cluster,
      (admin) => admin.createPartitions({ topics: [{ name: topic, count }], validateOnly: true }),
      context,
    );
    if (!checked.ok) return refuse(topicOpsRefusal(checked.problem));
    if (!validateOnly) {
      const created = await withClusterAdmin(
        cluster,
        (admin) => admin.createPartitions({ topics: [{ name: topic, count }], validateOnly: false }),
        context,
      );
      if (!created.ok) return refuse(topicOpsRefusal(created.problem));
      await audit("success", { before, after: count });
    }
    return { ok: true, data: { cluster, topic, before, after: count, validateOnly } };
  });
}
