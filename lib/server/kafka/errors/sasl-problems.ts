// SASL failures: wrong credentials, a mechanism the listener does not offer, a listener without SASL.
import { stringField, type ErrorLink } from "./error-chain";
import { rank, type Candidate, type KafkaErrorContext } from "./types";

export function describeSaslLink(link: ErrorLink, context: KafkaErrorContext): Candidate | null {
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
  if (code === "PLT_KFK_AUTHENTICATION" && isClosedConnection(error.cause)) {
    return { rank: rank.authenticationGeneric, problem: { ...hungUpDuringSasl(context), code } };
  }
  if (
    code === "PLT_KFK_AUTHENTICATION" ||
    /^SASL mechanism .* not supported/.test(stringField(error.message) ?? "")
  ) {
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
