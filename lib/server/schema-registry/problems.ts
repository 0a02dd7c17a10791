// What went wrong talking to a schema registry, in the operator's terms: Confluent's error codes
// (40401 subject not found, 409 incompatible, …), HTTP statuses without one, and network and TLS
// failures. Messages carry the registry's own words (bounded), never the configured secrets.

export type RegistryProblemKind =
  | "not-found" // subject, version or schema id unknown (404xx)
  | "conflict" // incompatible schema (409), soft-delete ordering (40404–40407), reference in use
  | "invalid" // the registry refused the request's content (422xx)
  | "authentication" // 401
  | "authorization" // 403
  | "unsupported" // an endpoint the registry lacks (Apicurio's mode, a wrong URL path)
  | "unreachable" // connection refused, DNS, time-out, reset
  | "tls" // handshake failed
  | "registry"; // a 5xx or an answer that is not the Confluent API

export interface RegistryProblem {
  kind: RegistryProblemKind;
  /** One line, e.g. "Subject orders-value not found". */
  title: string;
  /** What to check or change. */
  hint: string;
  /** Confluent's error_code as text ("40401"), the HTTP status ("HTTP 503") or the Node error code. */
  code?: string;
  /** The HTTP status when the registry answered. */
  status?: number;
}

export type RegistryResult<T> = { ok: true; data: T } | { ok: false; problem: RegistryProblem };

/** Confluent Schema Registry's error codes (io.confluent.kafka.schemaregistry.rest.exceptions). */
const CONFLUENT_CODES: Record<number, { kind: RegistryProblemKind; title: string; hint: string }> = {
  40101: { kind: "authentication", title: "Not authenticated", hint: "Check schemaRegistry.auth." },
  40301: {
    kind: "authorization",
    title: "Not authorized",
    hint: "Grant the console's registry user access.",
  },
  40401: { kind: "not-found", title: "Subject not found", hint: "It may have been deleted; check the name." },
  40402: { kind: "not-found", title: "Version not found", hint: "List the subject's versions." },
  40403: { kind: "not-found", title: "Schema not found", hint: "No schema has this id in this registry." },
  40404: {
    kind: "conflict",
    title: "Subject was soft-deleted",
    hint: "Delete it permanently, or register a schema to bring it back.",
  },
  40405: {
    kind: "conflict",
    title: "Subject is not soft-deleted",
    hint: "Soft-delete it first; a permanent delete comes second.",
  },
  40406: { kind: "conflict", title: "Version was soft-deleted", hint: "Delete it permanently if needed." },
  40407: {
    kind: "conflict",
    title: "Version is not soft-deleted",
    hint: "Soft-delete it first; a permanent delete comes second.",
  },
  40408: {
    kind: "not-found",
    title: "No compatibility level set for this subject",
    hint: "The global level applies.",
  },
  40409: { kind: "not-found", title: "No mode set for this subject", hint: "The global mode applies." },
  409: {
    kind: "conflict",
    title: "Schema is incompatible with an earlier version",
    hint: "Check the compatibility level, or change the schema to keep compatibility.",
  },
  42201: { kind: "invalid", title: "Invalid schema", hint: "Check the schema's syntax and its type." },
  42202: { kind: "invalid", title: "Invalid version", hint: "A version is a positive number or latest." },
  42203: {
    kind: "invalid",
    title: "Invalid compatibility level",
    hint: "Use NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.",
  },
  42204: { kind: "invalid", title: "Invalid mode", hint: "Use READWRITE, READONLY or IMPORT." },
  42205: {
    kind: "conflict",
    title: "Operation not permitted",
    hint: "The registry's mode (READONLY, IMPORT) may forbid it.",
  },
  42206: {
    kind: "conflict",
    title: "Schema is referenced by another schema",
    hint: "Delete or change the referring schemas first.",
  },
  50001: { kind: "registry", title: "Registry storage error", hint: "See the registry's log." },
  50002: {
    kind: "registry",
    title: "Registry operation timed out",
    hint: "Try again; see the registry's log.",
  },
  50003: {
    kind: "registry",
    title: "Registry could not forward the request to its leader",
    hint: "See the registry's log.",
  },
};

const MAX_MESSAGE = 300;

/** The registry's message, on one line and bounded; it is the registry's text, shown as text. */
function clean(message: unknown): string | undefined {
  if (typeof message !== "string") return undefined;
  const line = message.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  if (!line) return undefined;
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}

/** A problem from an HTTP answer that is not 2xx: Confluent's { error_code, message } when present. */
export function problemFromAnswer(status: number, body: unknown, what?: string): RegistryProblem {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const errorCode = typeof record.error_code === "number" ? record.error_code : undefined;
  const message = clean(record.message) ?? (typeof body === "string" ? clean(body) : undefined);
  const known = errorCode !== undefined ? CONFLUENT_CODES[errorCode] : undefined;
  const subjectOf = what ? ` (${what})` : "";
  if (known) {
    return {
      kind: known.kind,
      title: `${known.title}${subjectOf}${message ? `: ${message}` : ""}`,
      hint: known.hint,
      code: String(errorCode),
      status,
    };
  }
  const generic = (kind: RegistryProblemKind, title: string, hint: string): RegistryProblem => ({
    kind,
    title: `${title}${subjectOf}${message ? `: ${message}` : ""}`,
    hint,
    code: errorCode !== undefined && errorCode !== 0 ? String(errorCode) : `HTTP ${status}`,
    status,
  });
  if (status === 401)
    return generic("authentication", "The registry refused the credentials", "Check schemaRegistry.auth.");
  if (status === 403)
    return generic(
      "authorization",
      "The registry denied access",
      "Grant the console's registry identity access to this resource.",
    );
  // Apicurio answers unsupported operations (mode) with error_code 0 and "Operation not supported".
  if (errorCode === 0 && /not supported/i.test(message ?? ""))
    return generic("unsupported", "The registry does not support this operation", "Nothing to change here.");
  if (status === 404)
    return generic(
      "unsupported",
      "The registry has no such endpoint",
      "Check schemaRegistry.url: it must be the base of the Confluent API (Apicurio: …/apis/ccompat/v7).",
    );
  if (status === 409) return generic("conflict", "The registry refused a conflicting change", "");
  if (status === 400 || status === 422)
    return generic("invalid", "The registry refused the request", "Check the values sent.");
  return generic("registry", `The registry answered HTTP ${status}`, "See the registry's log.");
}

const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

function errorCodeOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A problem from a request that got no answer. `timeoutMs` is the limit that ran out, if one did. */
export function problemFromFailure(
  error: unknown,
  url: URL,
  timedOut: boolean,
  timeoutMs: number,
): RegistryProblem {
  const where = url.host;
  if (timedOut)
    return {
      kind: "unreachable",
      title: `No answer from the registry at ${where} within ${timeoutMs / 1000} s`,
      hint: "Check that the registry runs and that the network lets the console reach it.",
      code: "ETIMEDOUT",
    };
  const code = errorCodeOf(error);
  if (code && (TLS_CODES.has(code) || code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS")))
    return {
      kind: "tls",
      title: `TLS handshake with the registry at ${where} failed (${code})`,
      hint: "Check schemaRegistry.tls.ca (the CA that signed the registry's certificate) and the URL's host name.",
      code,
    };
  const reasons: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host name lookup failed",
    ECONNRESET: "connection reset",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
  };
  return {
    kind: "unreachable",
    title: `Cannot reach the registry at ${where}: ${(code && reasons[code]) ?? clean((error as Error)?.message) ?? "request failed"}`,
    hint: "Check schemaRegistry.url and that the registry runs.",
    ...(code && { code }),
  };
}
