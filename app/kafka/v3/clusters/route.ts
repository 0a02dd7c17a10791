// GET /kafka/v3/clusters (and /v3/clusters) – Confluent v3 KafkaClusterList: every configured cluster that answers (viewer)
import {
  confluentJson,
  confluentRoute,
  kafkaCluster,
  linksFor,
  resolveCluster,
  resourceList,
} from "@/lib/server/confluent";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = confluentRoute({ permission: "cluster.view" }, async (request) => {
  const links = linksFor(request);
  const resolved = await Promise.all(kafka.listClusterNames().map((name) => resolveCluster(name)));
  // A cluster that does not answer has no Kafka cluster id to list it by; it is left out.
  const clusters = resolved.flatMap((cluster) =>
    cluster instanceof Response ? [] : [kafkaCluster(links, cluster)],
  );
  return confluentJson(request, resourceList("KafkaClusterList", links.url("clusters"), clusters));
});
