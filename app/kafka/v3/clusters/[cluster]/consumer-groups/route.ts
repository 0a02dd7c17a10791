// GET /kafka/v3/clusters/{cluster_id}/consumer-groups – Confluent v3 KafkaConsumerGroupList: the classic and consumer groups (viewer)
import { z } from "zod";

import { groupList, type V3GroupSummary } from "@/lib/confluent/groups-v3";
import { MAX_GROUP_PAGE_SIZE } from "@/lib/schemas/groups";
import {
  confluentFailure,
  confluentJson,
  confluentRoute,
  linksFor,
  resolveCluster,
} from "@/lib/server/confluent";
import { groupsUnavailable } from "@/lib/server/confluent-groups-v3";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

/** 50 pages of 200: the list is bounded at 10,000 groups. */
const MAX_PAGES = 50;

export const GET = confluentRoute(
  { permission: "group.view", params: z.object({ cluster: z.string() }) },
  async (request, { params }) => {
    const cluster = await resolveCluster(params.cluster);
    if (cluster instanceof Response) return cluster;
    const lacking = await groupsUnavailable(cluster);
    if (lacking) return lacking;
    const groups: V3GroupSummary[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const result = await kafka.listGroups(cluster.name, { page, pageSize: MAX_GROUP_PAGE_SIZE });
      if (!result.ok) return confluentFailure(kafka.problemResult(result.problem));
      groups.push(
        ...result.data.groups.filter((group) => group.type === "classic" || group.type === "consumer"),
      );
      if (page * MAX_GROUP_PAGE_SIZE >= result.data.total) break;
    }
    const base = linksFor(request).url("clusters", cluster.clusterId);
    return confluentJson(request, groupList(cluster.clusterId, base, groups));
  },
);
