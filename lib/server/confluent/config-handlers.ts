import "server-only";

// The handlers behind every v3 config route (a topic's, a broker's, the cluster-wide broker
// defaults'): list, get, update (PUT {"value"}), reset (DELETE) and `configs:alter` batches, on the
// same describeConfigs / alterConfigs as the config editor (same checks, audit with before/after).
import type { AlterConfigsRequest, ConfigResource } from "@/lib/schemas/configs";
import type { Principal } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { resolveCluster } from "./clusters";
import { confluentFailure, confluentInvalid, confluentNotFound } from "./errors";
import { toAlterConfigsRequest, type V3AlterConfigs } from "./requests";
import { confluentJson, linksFor } from "./route";
import { kafkaConfig, kafkaConfigList } from "./shapes";

const NO_CONTENT = () => new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });

function ownerLabel(resource: ConfigResource): string {
  if (resource.type === "topic") return `topic ${resource.name}`;
  if (resource.type === "broker") return `broker ${resource.id}`;
  return "the cluster-wide broker defaults";
}

export async function listConfigsAnswer(request: Request, clusterParam: string, resource: ConfigResource) {
  const cluster = await resolveCluster(clusterParam);
  if (cluster instanceof Response) return cluster;
  const result = await kafka.describeConfigs(cluster.name, resource);
  if (!result.ok) return confluentFailure(kafka.configsProblemResult(result.problem));
  // The cluster-wide defaults are the configs set for every broker: Confluent lists only those.
  const entries =
    resource.type === "broker-default"
      ? result.data.filter((entry) => entry.source === "dynamic-default-broker")
      : result.data;
  return confluentJson(request, kafkaConfigList(linksFor(request), cluster.clusterId, resource, entries));
}

export async function getConfigAnswer(
  request: Request,
  clusterParam: string,
  resource: ConfigResource,
  name: string,
) {
  const cluster = await resolveCluster(clusterParam);
  if (cluster instanceof Response) return cluster;
  const result = await kafka.describeConfigs(cluster.name, resource);
  if (!result.ok) return confluentFailure(kafka.configsProblemResult(result.problem));
  const entry = result.data.find((candidate) => candidate.name === name);
  if (!entry || (resource.type === "broker-default" && entry.source !== "dynamic-default-broker"))
    return confluentNotFound(404, `Config ${name} cannot be found for ${ownerLabel(resource)}.`);
  return confluentJson(request, kafkaConfig(linksFor(request), cluster.clusterId, resource, entry));
}

interface ChangeOptions {
  principal: Principal;
  /** The audit action: topic.configure or broker.configure. */
  action: string;
}

async function alter(
  clusterParam: string,
  resource: ConfigResource,
  change: AlterConfigsRequest,
  { principal, action }: ChangeOptions,
) {
  const cluster = await resolveCluster(clusterParam);
  if (cluster instanceof Response) return cluster;
  const result = await kafka.alterConfigs(cluster.name, resource, change, { actor: principal, action });
  if (!result.ok) return confluentFailure(result);
  return NO_CONTENT();
}

/** PUT …/configs/{name} {"value"}: 204; a null value resets it, as Confluent does. */
export function updateConfigAnswer(
  clusterParam: string,
  resource: ConfigResource,
  name: string,
  value: string | null,
  options: ChangeOptions,
) {
  const change =
    value === null
      ? { set: {}, reset: [name], validateOnly: false }
      : { set: { [name]: value }, reset: [], validateOnly: false };
  return alter(clusterParam, resource, change, options);
}

/** DELETE …/configs/{name}: back to the default; 204. */
export function resetConfigAnswer(
  clusterParam: string,
  resource: ConfigResource,
  name: string,
  options: ChangeOptions,
) {
  return alter(clusterParam, resource, { set: {}, reset: [name], validateOnly: false }, options);
}

/** POST …/configs:alter: every SET and DELETE in one IncrementalAlterConfigs; 204. */
export async function alterConfigBatchAnswer(
  clusterParam: string,
  resource: ConfigResource,
  body: V3AlterConfigs,
  options: ChangeOptions,
) {
  const translated = toAlterConfigsRequest(body);
  if (!translated.ok) return confluentInvalid(translated.message);
  return alter(clusterParam, resource, translated.request, options);
}
