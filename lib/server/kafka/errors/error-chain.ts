// @platformatic/kafka wraps the error that matters (an OpenSSL alert, ECONNREFUSED, a Kafka error code)
// in NetworkError / MultipleErrors / ResponseError layers, once per retry and once per broker tried.
// This flattens that tree so the translator can pick the most telling link.

/** One error found in the chain, with what its ancestors said about where it happened. */
export interface ErrorLink {
  error: ErrorLike;
  /** "host:port" of the broker, from the nearest enclosing "Connection to host:port failed." */
  broker?: string;
  /** The decoded response of the nearest enclosing ResponseError (SaslHandshake lists mechanisms there). */
  response?: unknown;
}

/** The fields the library, Node and OpenSSL put on errors; all optional because any value can be thrown. */
export interface ErrorLike {
  message?: unknown;
  code?: unknown;
  /** ProtocolError: the Kafka error name, e.g. "TOPIC_AUTHORIZATION_FAILED". */
  apiId?: unknown;
  /** ProtocolError: the broker's own explanation, when it sent one. */
  serverErrorMessage?: unknown;
  /** ResponseError: the decoded response (SaslHandshake lists the enabled mechanisms there). */
  response?: unknown;
  /** Node system errors. */
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  host?: unknown;
  /** Node's ERR_TLS_CERT_ALTNAME_INVALID explanation. */
  reason?: unknown;
  /** The library marks a client or pool closed on purpose this way. */
  closed?: unknown;
  cause?: unknown;
  errors?: unknown;
}

const brokerInMessage = /Connection to (\S+?):(\d+) (?:failed|timed out)/;

/** Every error in the tree, parents before children, each visited once. */
export function flattenErrorChain(root: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  const seen = new Set<unknown>();

  const visit = (value: unknown, inherited: Omit<ErrorLink, "error">, depth: number) => {
    // The library nests at most a few levels; the bound only guards against hostile objects.
    if (!isErrorLike(value) || seen.has(value) || depth > 32) return;
    seen.add(value);
    const here = {
      broker: brokerOf(value) ?? inherited.broker,
      response: value.response ?? inherited.response,
    };
    links.push({ error: value, ...here });
    if (Array.isArray(value.errors)) {
      for (const child of value.errors) visit(child, here, depth + 1);
    }
    visit(value.cause, here, depth + 1);
  };

  visit(root, {}, 0);
  return links;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === "object" && value !== null;
}

function brokerOf(error: ErrorLike): string | undefined {
  if (typeof error.message === "string") {
    const match = brokerInMessage.exec(error.message);
    if (match) return `${match[1]}:${match[2]}`;
  }
  if (typeof error.address === "string" && typeof error.port === "number") {
    return `${error.address}:${error.port}`;
  }
  return undefined;
}

export function stringField(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
