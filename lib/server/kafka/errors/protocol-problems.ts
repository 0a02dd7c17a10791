// Errors the broker answered with: Kafka error codes (ProtocolError.apiId), SASL and ACL refusals.
import { stringField, type ErrorLink } from "./error-chain";
import { rank, type Candidate, type KafkaErrorContext } from "./types";

export function describeProtocolLink(link: ErrorLink, context: KafkaErrorContext): Candidate | null {
  const { error } = link;
  const apiId = stringField(error.apiId);
  const code = stringField(error.code);
  if (apiId === "SASL_AUTHENTICATION_FAILED" || apiId === "UNSUPPORTED_SASL_MECHANISM") {
    return { rank: rank.sasl, problem: describeSasl(apiId, link, context) };
  }
  if (apiId === "ILLEGAL_SASL_STATE") {
    const problem = {
      kind: "authentication" as const,
      title: "The broker did not expect SASL authentication on this listener",
      hint: "The port belongs to a listener without SASL (SSL or PLAINTEXT). Use the SASL listener's port or remove the SASL settings.",
      code: apiId,
    };
    return { rank: rank.sasl, problem };
  }
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
    const title = `The broker does not support a request the console needs (${stringField(error.message) ?? ""})`;
    const hint = "The broker is too old for this feature, or it is a Kafka-API implementation without it.";
    return { rank: rank.unsupportedApi, problem: { kind: "broker", title, hint, code } };
  }
  const message = stringField(error.message) ?? "";
  if (code === "PLT_KFK_AUTHENTICATION" && isClosedConnection(error.cause)) {
    return { rank: rank.authenticationGeneric, problem: { ...hungUpDuringSasl(context), code } };
  }
  if (code === "PLT_KFK_AUTHENTICATION" || /^SASL mechanism .* not supported/.test(message)) {
    const problem = describeSasl(undefined, link, context);
    return { rank: rank.authenticationGeneric, problem: { ...problem, code: code ?? problem.code } };
  }
  return null;
}

function describeSasl(apiId: string | undefined, link: ErrorLink, context: KafkaErrorContext) {
  const user = context.sasl ? ` for user ${context.sasl.username} (${context.sasl.mechanism})` : "";
  if (apiId === "UNSUPPORTED_SASL_MECHANISM") {
    const offered = enabledMechanisms(link.response);
    return {
      kind: "authentication" as const,
      title: `The broker does not accept SASL mechanism ${context.sasl?.mechanism ?? "configured for the console"}`,
      hint: `${offered ? `This listener accepts ${offered}. ` : ""}Change the cluster's sasl.mechanism, or add it to sasl.enabled.mechanisms on the broker.`,
      code: apiId,
    };
  }
  return {
    kind: "authentication" as const,
    title: `SASL authentication failed${user}`,
    hint: "Check the username and password. SCRAM credentials exist per mechanism: a user created for SCRAM-SHA-256 cannot log in with SCRAM-SHA-512.",
    code: apiId ?? "SASL_AUTHENTICATION_FAILED",
  };
}

function isClosedConnection(cause: unknown): boolean {
  return (
    typeof cause === "object" && cause !== null && "message" in cause && cause.message === "Connection closed"
  );
}

/** Seen when SASL goes in plaintext to a SASL_SSL port: the broker drops the connection without a word. */
function hungUpDuringSasl(context: KafkaErrorContext) {
  return {
    kind: "authentication" as const,
    title: "SASL authentication failed: the broker closed the connection during the handshake",
    hint:
      context.tls === false
        ? "The listener probably expects TLS (SASL_SSL): add tls settings (at least tls.ca) to this cluster."
        : "Compare the port's security protocol (SASL_SSL, SASL_PLAINTEXT) with the cluster's tls and sasl settings.",
  };
}

function enabledMechanisms(response: unknown): string | undefined {
  if (typeof response !== "object" || response === null || !("mechanisms" in response)) return undefined;
  const { mechanisms } = response;
  return Array.isArray(mechanisms) && mechanisms.length > 0 ? mechanisms.join(", ") : undefined;
}

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

function describeAuthorization(apiId: string, context: KafkaErrorContext) {
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
