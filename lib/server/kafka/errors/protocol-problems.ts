// Other answers from the broker: Kafka error codes (ProtocolError.apiId) and APIs it does not offer.
import { describeAuthorization } from "./authorization-problems";
import { stringField, type ErrorLink } from "./error-chain";
import { rank, type Candidate, type KafkaErrorContext } from "./types";

export function describeProtocolLink({ error }: ErrorLink, context: KafkaErrorContext): Candidate | null {
  const apiId = stringField(error.apiId);
  const code = stringField(error.code);
  if (apiId?.endsWith("_AUTHORIZATION_FAILED")) {
    return { rank: rank.authorization, problem: describeAuthorization(apiId, context) };
  }
  if (apiId) {
    const known = brokerAnswers[apiId];
    const serverMessage = stringField(error.serverErrorMessage);
    const title =
      known?.title(context) ?? `The broker answered ${apiId}: ${stringField(error.message) ?? ""}`;
    const hint =
      [serverMessage && `The broker says: ${serverMessage}`, known?.hint].filter(Boolean).join(" ") ||
      "The broker's log has details.";
    return {
      rank: rank.protocol,
      problem: { kind: "broker", title: title.replace(/[.:\s]+$/, ""), hint, code: apiId },
    };
  }
  if (code === "PLT_KFK_UNSUPPORTED_API") {
    const detail = (stringField(error.message) ?? "").replace(/\.$/, "");
    const title = `The broker does not support a request the console needs (${detail})`;
    const hint = "The broker is too old for this feature, or it is a Kafka-API implementation without it.";
    return { rank: rank.unsupportedApi, problem: { kind: "broker", title, hint, code } };
  }
  return null;
}

/** "Topic orders" when the name is known, else "The topic". */
function named(type: string, { resourceName }: KafkaErrorContext): string {
  return resourceName ? `${type[0]?.toUpperCase()}${type.slice(1)} ${resourceName}` : `The ${type}`;
}

type Phrase = { title: (context: KafkaErrorContext) => string; hint?: string };

const transient =
  "Partition leadership or the coordinator is moving; it usually settles within seconds. Retry.";

/** Kafka error codes an operator meets often enough to deserve their own words. */
const brokerAnswers: Record<string, Phrase> = {
  UNKNOWN_TOPIC_OR_PARTITION: {
    title: (c) => `${named("topic", c)} does not exist (or the partition does not)`,
    hint: "It may have been deleted. Refresh the topic list.",
  },
  UNKNOWN_TOPIC_ID: {
    title: (c) => `${named("topic", c)} no longer exists`,
    hint: "It was deleted or recreated. Refresh the topic list.",
  },
  INVALID_TOPIC_EXCEPTION: {
    title: (c) =>
      c.resourceName ? `"${c.resourceName}" is not a valid topic name` : "The topic name is invalid",
    hint: "A topic name has 1 to 249 characters, only letters, digits, '.', '_' and '-', and is not '.' or '..'.",
  },
  TOPIC_ALREADY_EXISTS: {
    title: (c) => `${named("topic", c)} already exists`,
    hint: "Choose another name, or open the existing topic.",
  },
  INVALID_REPLICATION_FACTOR: {
    title: () => "The replication factor is larger than the number of brokers",
    hint: "Lower the replication factor, or add brokers.",
  },
  INVALID_PARTITIONS: { title: () => "The number of partitions is invalid", hint: "Use at least 1." },
  POLICY_VIOLATION: { title: () => "The broker's create-topic or alter-config policy refused this" },
  INVALID_CONFIG: { title: () => "The broker refused a configuration value" },
  SECURITY_DISABLED: {
    title: () => "The broker has no authorizer, so ACLs cannot be listed or changed",
    hint: "Set authorizer.class.name on the brokers (StandardAuthorizer with KRaft).",
  },
  UNSUPPORTED_VERSION: {
    title: () => "The broker does not support the version of this request",
    hint: "The broker is older than this feature needs.",
  },
  NOT_CONTROLLER: { title: () => "The request reached a broker that is not the controller", hint: transient },
  LEADER_NOT_AVAILABLE: { title: () => "A partition has no leader right now", hint: transient },
  NOT_LEADER_OR_FOLLOWER: {
    title: () => "The request reached a broker that no longer leads",
    hint: transient,
  },
  COORDINATOR_NOT_AVAILABLE: { title: () => "The group coordinator is not available", hint: transient },
  COORDINATOR_LOAD_IN_PROGRESS: { title: () => "The group coordinator is still loading", hint: transient },
  REQUEST_TIMED_OUT: { title: () => "The broker timed out handling the request", hint: transient },
  GROUP_ID_NOT_FOUND: {
    title: (c) => `${named("consumer group", c)} does not exist`,
    hint: "It may have been deleted or expired. Refresh the group list.",
  },
  NON_EMPTY_GROUP: {
    title: (c) => `${named("consumer group", c)} still has active members`,
    hint: "Stop its consumers first.",
  },
  UNKNOWN_SERVER_ERROR: {
    title: () => "The broker hit an unexpected error",
    hint: "See the broker's server log.",
  },
};
