// TLS failures, told apart by the Node/OpenSSL code: which certificate was refused, by whom, and why.
import { stringField, type ErrorLink } from "./error-chain";
import { rank, type Candidate, type KafkaErrorContext } from "./types";

const failed = "TLS handshake failed";

const unknownBrokerCa = {
  title: `${failed}: the broker's certificate is not signed by the configured CA`,
  hint: "Set the cluster's CA (tls.ca) to the CA that issued the broker's certificate, with any intermediate CA. Without tls.ca the console trusts only public CAs.",
};

const refusedClientCertificate = {
  title: `${failed}: the broker refused the console's client certificate (bad certificate)`,
  hint: "The broker could not verify the certificate in tls.cert: check that it is a client certificate from a CA in the broker's truststore, sent with its intermediate CA, and not expired.",
};

/** Node's certificate verification codes (the broker's certificate) and OpenSSL alerts sent by the broker. */
const byCode: Record<string, { title: string; hint: string }> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: unknownBrokerCa,
  UNABLE_TO_GET_ISSUER_CERT: unknownBrokerCa,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: unknownBrokerCa,
  SELF_SIGNED_CERT_IN_CHAIN: unknownBrokerCa,
  DEPTH_ZERO_SELF_SIGNED_CERT: unknownBrokerCa,
  CERT_UNTRUSTED: unknownBrokerCa,
  CERT_SIGNATURE_FAILURE: unknownBrokerCa,
  CERT_HAS_EXPIRED: {
    title: `${failed}: the broker's certificate has expired`,
    hint: "Renew the broker's certificate. If it should still be valid, check the clock of the console's host.",
  },
  CERT_NOT_YET_VALID: {
    title: `${failed}: the broker's certificate is not valid yet`,
    hint: "Its start date is in the future: check the clocks of the console's host and of the issuing CA.",
  },
  CERT_REVOKED: {
    title: `${failed}: the broker's certificate has been revoked`,
    hint: "Issue a new certificate for the broker.",
  },
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: {
    title: `${failed}: the broker requires a client certificate`,
    hint: "This listener has ssl.client.auth=required. Configure tls.cert and tls.key with the console's identity.",
  },
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: {
    title: `${failed}: the broker does not trust the CA of the console's client certificate`,
    hint: "Issue the console's certificate from a CA in the broker's truststore, or add its CA there.",
  },
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: refusedClientCertificate,
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: {
    title: `${failed}: the broker refused the console's client certificate (certificate unknown)`,
    hint: "The broker could not build a trusted chain for tls.cert: add its CA to the broker's truststore.",
  },
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: {
    title: `${failed}: the broker says the console's client certificate has expired`,
    hint: "Issue a new client certificate for the console and update tls.cert and tls.key.",
  },
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED: {
    title: `${failed}: the broker says the console's client certificate is revoked`,
    hint: "Issue a new client certificate for the console and update tls.cert and tls.key.",
  },
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: {
    title: `${failed}: the broker aborted the handshake (handshake failure)`,
    hint: "The broker and the console share no TLS version or cipher suite, or the broker wanted a client certificate the console did not send.",
  },
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: {
    title: `${failed}: the broker and the console share no TLS version`,
    hint: "Check ssl.enabled.protocols on the broker; the console speaks TLS 1.2 and 1.3.",
  },
  ERR_SSL_WRONG_VERSION_NUMBER: {
    title: `${failed}: this port does not speak TLS`,
    hint: "The address points at a PLAINTEXT or SASL_PLAINTEXT listener. Use the TLS listener's port or remove the TLS settings.",
  },
  ERR_SSL_PACKET_LENGTH_TOO_LONG: {
    title: `${failed}: this port does not speak TLS`,
    hint: "The address points at a PLAINTEXT or SASL_PLAINTEXT listener. Use the TLS listener's port or remove the TLS settings.",
  },
  ERR_OSSL_X509_KEY_VALUES_MISMATCH: {
    title:
      "The console's TLS settings are invalid: the private key does not belong to the client certificate",
    hint: "tls.key must be the private key of tls.cert.",
  },
  ERR_OSSL_BAD_DECRYPT: {
    title: "The console's TLS settings are invalid: the private key is encrypted",
    hint: "Provide the private key unencrypted (PKCS#8 or PKCS#1 PEM).",
  },
};

const hostMismatchHint =
  "Connect with a host name the certificate lists, add this name to the certificate's subjectAltName, or set tls.servername to a name it lists.";

/** Alerts a broker sends when it wanted a client certificate; Java sends bad_certificate even on TLS 1.3. */
const noCertificateAlerts = new Set([
  "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
  "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED",
  "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE",
]);

const certificateMissing = {
  title: `${failed}: the broker requires a client certificate and the console has none configured`,
  hint: "This listener has ssl.client.auth=required. Configure tls.cert and tls.key with the console's identity.",
};

export function describeTlsLink({ error }: ErrorLink, context: KafkaErrorContext): Candidate | null {
  const code = stringField(error.code);
  const message = stringField(error.message) ?? "";
  // OpenSSL 3 renamed "sslv3 alert ..." to "ssl/tls alert ...", and Node derives the code from that text.
  const alert = code?.replace("ERR_SSL_SSL/TLS_ALERT_", "ERR_SSL_SSLV3_ALERT_");
  if (alert && context.clientCertificate === false && noCertificateAlerts.has(alert)) {
    return { rank: rank.tlsSpecific, problem: { kind: "tls", ...certificateMissing, code } };
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    const host = stringField(error.host);
    const reason = stringField(error.reason);
    return {
      rank: rank.tlsSpecific,
      problem: {
        kind: "tls",
        title: `${failed}: the broker's certificate does not match the host name${host ? ` ${host}` : ""}`,
        hint: reason ? `${reason}. ${hostMismatchHint}` : hostMismatchHint,
        code,
      },
    };
  }
  const known = alert ? byCode[alert] : undefined;
  if (code && known) return { rank: rank.tlsSpecific, problem: { kind: "tls", ...known, code } };
  if (code?.startsWith("ERR_SSL_") || code?.startsWith("ERR_OSSL_")) {
    return {
      rank: rank.tlsGeneric,
      problem: { kind: "tls", title: `${failed}: ${openSslReason(message, code)}`, hint: genericHint, code },
    };
  }
  if (code === "ECONNRESET" && message.includes("before secure TLS connection was established")) {
    return { rank: rank.tlsClosed, problem: { kind: "tls", ...closedDuringHandshake, code } };
  }
  // The library replaces that ECONNRESET with this UserError but keeps it as the cause; either may come first.
  if (message.startsWith("TLS handshake failed. Please verify the broker supports TLS")) {
    return { rank: rank.tlsClosed, problem: { kind: "tls", ...closedDuringHandshake, code: "ECONNRESET" } };
  }
  if (message === "Broker requires TLS.") {
    return {
      rank: rank.tlsClosed,
      problem: {
        kind: "tls",
        title: "The broker expects TLS but the console connected without it",
        hint: "Add tls settings (at least tls.ca) to this cluster, or use the port of a PLAINTEXT listener.",
        code: stringField(error.code),
      },
    };
  }
  return null;
}

const genericHint =
  "Compare the cluster's tls settings with the listener's ssl.* settings on the broker; the broker's log names the reason too.";

const closedDuringHandshake = {
  title: `${failed}: the broker closed the connection during the handshake`,
  hint: "The port may not speak TLS (a PLAINTEXT or SASL_PLAINTEXT listener), or the broker refused the console's client certificate without saying why. Check the listener's security protocol and ssl.client.auth.",
};

/** "...:error:0A000418:SSL routines::tlsv1 alert unknown ca:..." → "tlsv1 alert unknown ca". */
function openSslReason(message: string, code: string): string {
  const match = /SSL routines:[^:]*:([^:]+)/.exec(message);
  return match?.[1]?.trim() ?? code;
}
