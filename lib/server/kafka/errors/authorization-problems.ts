// ACL refusals: who may not do what on which resource, and what to grant.
import type { ClusterProblem } from "@/lib/schemas/cluster";

import type { KafkaErrorContext } from "./types";

const resourceByCode: Record<string, string> = {
  TOPIC_AUTHORIZATION_FAILED: "topic",
  GROUP_AUTHORIZATION_FAILED: "consumer group",
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: "transactional id",
  DELEGATION_TOKEN_AUTHORIZATION_FAILED: "delegation token",
};

/** ACL operations as the end of "may not ..." followed by the resource. */
const verbs: Record<string, string> = {
  WRITE: "write to",
  DESCRIBE_CONFIGS: "describe the configuration of",
  ALTER_CONFIGS: "alter the configuration of",
  IDEMPOTENT_WRITE: "write idempotently to",
  CLUSTER_ACTION: "perform cluster actions on",
  ALL: "do everything on",
};

export function describeAuthorization(apiId: string, context: KafkaErrorContext): ClusterProblem {
  const { principal, operation, resourceName } = context;
  const type = resourceByCode[apiId];
  const resource =
    apiId === "CLUSTER_AUTHORIZATION_FAILED"
      ? "the cluster"
      : type
        ? resourceName
          ? `${type} ${resourceName}`
          : `this ${type}`
        : (resourceName ?? "this resource");
  const verb = operation ? (verbs[operation] ?? operation.toLowerCase().replaceAll("_", " ")) : "access";
  return {
    kind: "authorization" as const,
    title: `The console's identity ${principal ? `${principal} ` : ""}may not ${verb} ${resource}`,
    hint: `Grant ${operation ?? "the needed operation"} on ${resource} to ${principal ?? "the console's principal"}, or make it a super user.`,
    code: apiId,
  };
}
