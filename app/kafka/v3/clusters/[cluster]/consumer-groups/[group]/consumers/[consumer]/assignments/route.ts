// GET /kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/consumers/{consumer_id}/assignments – Confluent v3 KafkaConsumerAssignmentList (viewer)
import { z } from "zod";

import { assignmentList } from "@/lib/confluent/groups-v3";
import { confluentError, confluentJson, confluentRoute } from "@/lib/server/confluent";
import { describedGroup } from "@/lib/server/confluent-groups-v3";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  {
    permission: "group.view",
    params: z.object({ cluster: z.string(), group: z.string().min(1), consumer: z.string().min(1) }),
  },
  async (request, { params }) => {
    const found = await describedGroup(request, params.cluster, params.group);
    if (found instanceof Response) return found;
    const member = found.group.members?.find((candidate) => candidate.memberId === params.consumer);
    if (!member)
      return confluentError(
        404,
        404,
        `Consumer ${params.consumer} is not a member of group ${params.group}.`,
      );
    return confluentJson(
      request,
      assignmentList(found.cluster.clusterId, found.base, found.group.id, member),
    );
  },
);
