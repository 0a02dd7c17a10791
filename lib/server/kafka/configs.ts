import "server-only";

// The configs of a topic, a broker or the cluster-wide broker default (DescribeConfigs with synonyms
// and documentation), and their incremental change (IncrementalAlterConfigs: SET what changed,
// DELETE to reset one to its default), checked first with validateOnly when asked and audited with
// before and after. Both requests go out with sendRaw: the client routes a BROKER resource by
// Number(name), which sends the cluster default ("") to broker 0. Sensitive values never leave here.
import type { Admin } from "@platformatic/kafka";

import {
  checkConfigValue,
  configResourceLabel,
  planConfigChanges,
  shownValue,
  type AlterConfigsRequest,
  type ConfigChange,
  type ConfigEntry,
  type ConfigResource,
  type ConfigsAltered,
} from "@/lib/schemas/configs";
import { recordAudit, type Principal } from "@/lib/server/auth";

import type { ClusterResult } from "./cluster-pool";
import { configEntries, type RawConfig } from "./config-entries";
import { refusalOf, type ConfigsFailure } from "./config-refusals";
import { withClusterAdmin } from "./pooled-clients";
import { sendRaw } from "./raw-request";

export type { ConfigsFailure };
export type ConfigsResult<T> = { ok: true; data: T } | ConfigsFailure;

const TOPIC = 2;
const BROKER = 4;
const SET = 0;
const DELETE = 1;

interface DescribeConfigsAnswer {
  results: { errorCode: number; resourceName: string; configs: RawConfig[] }[];
}

function wireResource(resource: ConfigResource) {
  if (resource.type === "topic") return { resourceType: TOPIC, resourceName: resource.name };
  if (resource.type === "broker") return { resourceType: BROKER, resourceName: String(resource.id) };
  return { resourceType: BROKER, resourceName: "" };
}

/** A broker's own configs are answered by that broker only; anything else by any broker. */
async function brokerFor(admin: Admin, resource: ConfigResource) {
  if (resource.type !== "broker") return undefined;
  const metadata = await admin.metadata({ topics: [] });
  const broker = metadata.brokers.get(resource.id);
  if (!broker) throw new BrokerMissing(resource.id);
  return { host: broker.host, port: broker.port };
}

/** Read by the error translator like a broker's answer: code and message. */
class BrokerMissing extends Error {
  readonly apiId = "BROKER_NOT_AVAILABLE";
  constructor(id: number) {
    super(`Broker ${id} is not in the cluster`);
  }
}

function errorContext(cluster: string, resource: ConfigResource, operation: string) {
  return {
    cluster,
    operation,
    resourceName: resource.type === "topic" ? resource.name : undefined,
  };
}

/** Every config of the resource, sorted by name; documentation null where the broker sends none. */
export async function describeConfigs(
  cluster: string,
  resource: ConfigResource,
): Promise<ClusterResult<ConfigEntry[]>> {
  return withClusterAdmin(
    cluster,
    async (admin) => {
      const answer = await sendRaw<DescribeConfigsAnswer>(admin, {
        api: "DescribeConfigs",
        args: [[{ ...wireResource(resource), configurationKeys: null }], true, true],
        broker: await brokerFor(admin, resource),
      });
      return configEntries(answer.results[0]?.configs ?? [], resource.type);
    },
    errorContext(cluster, resource, "DESCRIBE_CONFIGS"),
  );
}

export interface AlterConfigsOptions {
  actor: Principal;
  /** The audit action: "topic.configure", "broker.configure". */
  action: string;
}

/**
 * Applies the changes that differ from what the broker holds now (SET; DELETE for a reset), after
 * checking each value against its type and refusing read-only configs. With validateOnly the broker
 * checks and changes nothing. Answers old → new per config; a real change is audited either way.
 */
export async function alterConfigs(
  cluster: string,
  resource: ConfigResource,
  request: AlterConfigsRequest,
  { actor, action }: AlterConfigsOptions,
): Promise<ConfigsResult<ConfigsAltered>> {
  const target = resource.type === "topic" ? resource.name : configResourceLabel(resource);
  const audit = (outcome: "success" | "failure", details: Record<string, string | number>) =>
    request.validateOnly
      ? Promise.resolve()
      : recordAudit({ actor: actor.actor, action, target, outcome, details: { cluster, ...details } });
  const refuse = async (refusal: ConfigsFailure) => {
    await audit("failure", { code: refusal.code, changes: describeRequest(request) });
    return refusal;
  };

  const current = await describeConfigs(cluster, resource);
  if (!current.ok) return refuse(refusalOf(current.problem));
  const precheck = checkAgainst(current.data, request, resource);
  if (precheck) return refuse(precheck);
  const planned = planConfigChanges(current.data, request, resource.type);
  if (planned.length === 0)
    return { ok: true, data: { resource, validateOnly: request.validateOnly, changes: [] } };

  const sent = await withClusterAdmin(
    cluster,
    async (admin) =>
      sendRaw(admin, {
        api: "IncrementalAlterConfigs",
        args: [
          [
            {
              ...wireResource(resource),
              configs: planned.map((change) =>
                change.operation === "set"
                  ? { name: change.name, configOperation: SET, value: request.set[change.name]! }
                  : { name: change.name, configOperation: DELETE },
              ),
            },
          ],
          request.validateOnly,
        ],
        broker: await brokerFor(admin, resource),
      }),
    errorContext(cluster, resource, "ALTER_CONFIGS"),
  );
  if (!sent.ok) return refuse(refusalOf(sent.problem));
  if (request.validateOnly) return { ok: true, data: { resource, validateOnly: true, changes: planned } };

  const changes = await withValuesNow(cluster, resource, planned);
  await audit("success", { changes: describeChanges(changes) });
  return { ok: true, data: { resource, validateOnly: false, changes } };
}

/**
 * The values after the change. A SET's value is the one Kafka accepted: reading it back could show the
 * old one, since a broker applies a change when it reaches it through the metadata log. Only a reset
 * whose default was unknown is read back, until the broker no longer holds the old value (≤ 2 s).
 */
async function withValuesNow(cluster: string, resource: ConfigResource, planned: ConfigChange[]) {
  const unknown = planned.filter(
    (change) => change.operation === "reset" && change.after === null && !change.sensitive,
  );
  if (unknown.length === 0) return planned;
  const deadline = Date.now() + 2_000;
  let read = new Map<string, string | null>();
  for (;;) {
    const now = await describeConfigs(cluster, resource);
    if (!now.ok) return planned;
    read = new Map(now.data.map((entry) => [entry.name, entry.value]));
    const applied = unknown.every((change) => read.get(change.name) !== change.before);
    if (applied || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return planned.map((change) =>
    unknown.includes(change) && read.has(change.name) ? { ...change, after: read.get(change.name)! } : change,
  );
}

function checkAgainst(
  current: ConfigEntry[],
  request: AlterConfigsRequest,
  resource: ConfigResource,
): ConfigsFailure | null {
  const byName = new Map(current.map((entry) => [entry.name, entry]));
  const fieldErrors: Record<string, string[]> = {};
  const readOnly: string[] = [];
  for (const name of [...Object.keys(request.set), ...request.reset]) {
    if (byName.get(name)?.readOnly) readOnly.push(name);
  }
  if (readOnly.length)
    return {
      ok: false,
      status: 422,
      code: "CONFIG_READ_ONLY",
      error: `The broker marks ${readOnly.join(", ")} read-only for ${configResourceLabel(resource)}: it changes only in the broker's server.properties and a restart. Nothing was changed.`,
    };
  for (const [name, value] of Object.entries(request.set)) {
    const entry = byName.get(name);
    const problem = entry ? checkConfigValue(entry.type, value) : null;
    if (problem) fieldErrors[`set.${name}`] = [problem];
  }
  if (Object.keys(fieldErrors).length)
    return {
      ok: false,
      status: 422,
      code: "INVALID_CONFIG_VALUE",
      error: `A value does not fit its config's type (${Object.keys(fieldErrors)
        .map((key) => key.slice(4))
        .join(", ")}). Nothing was changed.`,
      fieldErrors,
    };
  return null;
}

/** "name: old → new" per change for the audit, bounded; sensitive values never written. */
function describeChanges(changes: ConfigChange[]): string {
  return changes
    .map(
      (change) =>
        `${change.name}: ${shownValue(change.before, change.sensitive)} → ${shownValue(change.after, change.sensitive)}${change.operation === "reset" ? " (reset)" : ""}`,
    )
    .join("; ")
    .slice(0, 2000);
}

/** What was asked, for a refused attempt's audit record: names only, never values. */
function describeRequest(request: AlterConfigsRequest): string {
  const set = Object.keys(request.set).map((name) => `set ${name}`);
  const reset = request.reset.map((name) => `reset ${name}`);
  return [...set, ...reset].join(", ").slice(0, 2000);
}
