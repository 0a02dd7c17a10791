// From a configured cluster to @platformatic/kafka client options, and who the broker will think we are.
import { createPrivateKey, X509Certificate } from "node:crypto";
import type { ConnectionOptions as TlsOptions } from "node:tls";

import type { AdminOptions, ConsumerOptions, ProducerOptions } from "@platformatic/kafka";

import type { ClusterConnection, ClusterProblem } from "@/lib/schemas/cluster";

export const CLIENT_ID = "kafka-console";

/** Short enough that a dead broker is reported in seconds; the library's own defaults add up to 30 s and more. */
export interface ClientTimeouts {
  /** TCP + TLS + SASL for one connection. */
  connectMs: number;
  /** One request on an established connection. */
  requestMs: number;
  /** Further attempts after a retriable failure (a dropped idle connection, a leader moving). */
  retries: number;
  retryDelayMs: number;
}

export const defaultTimeouts: ClientTimeouts = {
  connectMs: 3_000,
  requestMs: 5_000,
  retries: 1,
  retryDelayMs: 250,
};

export function adminOptions(connection: ClusterConnection, timeouts: ClientTimeouts): AdminOptions {
  return {
    clientId: CLIENT_ID,
    bootstrapBrokers: connection.bootstrapBrokers,
    connectTimeout: timeouts.connectMs,
    requestTimeout: timeouts.requestMs,
    timeout: timeouts.requestMs,
    retries: timeouts.retries,
    retryDelay: timeouts.retryDelayMs,
    tls: tlsOptions(connection),
    sasl: connection.sasl && { ...connection.sasl },
  };
}

export function producerOptions(
  connection: ClusterConnection,
  timeouts: ClientTimeouts,
): ProducerOptions<Buffer, Buffer, Buffer, Buffer> {
  // acks=all: an operator's test message must not vanish with a leader change.
  return { ...adminOptions(connection, timeouts), acks: -1, autocreateTopics: false };
}

/**
 * For searches: the group id is required by the constructor only. The console never joins, commits
 * or heartbeats; it fetches partitions from their leaders directly.
 */
export function fetchConsumerOptions(
  connection: ClusterConnection,
  timeouts: ClientTimeouts,
): ConsumerOptions<Buffer, Buffer, Buffer, Buffer> {
  return { ...adminOptions(connection, timeouts), groupId: `${CLIENT_ID}-never-joined` };
}

/** Node tls.connect options; undefined means plaintext. An empty tls block still means TLS with public CAs. */
export function tlsOptions({ tls }: ClusterConnection): TlsOptions | undefined {
  if (!tls) return undefined;
  const options: TlsOptions = {};
  if (tls.ca) options.ca = tls.ca;
  if (tls.cert) options.cert = tls.cert;
  if (tls.key) options.key = tls.key;
  // Node checks the certificate against servername when it is set, so this covers SNI and verification.
  if (tls.servername) options.servername = tls.servername;
  return options;
}

/**
 * The principal the broker will check ACLs for: the SASL user, else the client certificate's CN
 * (assumes ssl.principal.mapping.rules maps the subject to its CN, as our clusters do).
 */
export function principalOf({ sasl, tls }: ClusterConnection): string | undefined {
  if (sasl) return `User:${sasl.username}`;
  if (!tls?.cert) return undefined;
  try {
    const subject = new X509Certificate(tls.cert).subject;
    const commonName = /^CN=(.*)$/m.exec(subject)?.[1];
    return commonName ? `User:${commonName}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the PEM material before a client uses it. Node throws on a bad key synchronously inside the
 * library's connect, which leaves that connection stuck; a bad CA is ignored silently and shows up
 * later as "unknown CA". Both are clearer said up front.
 */
export function checkTlsMaterial({ tls }: ClusterConnection): ClusterProblem | null {
  if (!tls) return null;
  const invalid = (what: string, hint: string, code?: string): ClusterProblem => ({
    kind: "tls",
    title: `The console's TLS settings for this cluster are invalid: ${what}`,
    hint,
    code,
  });
  if (tls.ca && !parses(() => new X509Certificate(tls.ca as string))) {
    return invalid("tls.ca is not a PEM certificate", "Paste the CA certificate (BEGIN CERTIFICATE).");
  }
  if (Boolean(tls.cert) !== Boolean(tls.key)) {
    return invalid(
      "tls.cert and tls.key go together",
      "Set both (client certificate and its key) or neither.",
    );
  }
  if (!tls.cert || !tls.key) return null;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(tls.cert);
  } catch {
    return invalid("tls.cert is not a PEM certificate", "Paste the client certificate (BEGIN CERTIFICATE).");
  }
  try {
    if (!certificate.checkPrivateKey(createPrivateKey(tls.key))) {
      return invalid(
        "the private key does not belong to the client certificate",
        "tls.key must be the private key of tls.cert.",
        "ERR_OSSL_X509_KEY_VALUES_MISMATCH",
      );
    }
  } catch {
    return invalid(
      "tls.key is not a readable private key",
      "Paste the unencrypted private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY).",
    );
  }
  return null;
}

function parses(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}
