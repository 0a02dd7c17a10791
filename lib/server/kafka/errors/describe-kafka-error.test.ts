// Error shapes as @platformatic/kafka builds them, with the Node/OpenSSL causes captured from a real
// Kafka 4.3 broker (test/integration/kafka-*.test.ts checks the same cases end to end).
import {
  AuthenticationError,
  MultipleErrors,
  NetworkError,
  ResponseError,
  TimeoutError,
  UserError,
} from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import type { ClusterProblem } from "@/lib/schemas/cluster";

import { describeKafkaError } from "./describe-kafka-error";
import type { KafkaErrorContext } from "./types";

const BROKER = "127.0.0.1:40533";

/** A Node system or OpenSSL error: a plain Error with the fields Node sets. */
function nodeError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

/** What Connection#onConnectionError and ConnectionPool#getFirstAvailable wrap around a cause. */
function connectFailed(cause: Error, broker = BROKER): MultipleErrors {
  return new MultipleErrors("Cannot connect to any broker.", [
    new NetworkError(`Connection to ${broker} failed.`, { cause }),
  ]);
}

function tlsVerify(code: string, message: string) {
  return connectFailed(nodeError(message, { code }));
}

/** A broker's answer with an error code, as the response parsers throw it. */
function answered(apiKey: number, errorCode: number, serverMessage: string | null = null, response = {}) {
  return new MultipleErrors("Describing configs failed.", [
    new ResponseError(apiKey, 4, { "/results/0": [errorCode, serverMessage] }, response),
  ]);
}

/** SASL failures: the library wraps the SaslHandshake/SaslAuthenticate ResponseError twice. */
function saslFailed(outer: string, apiKey: number, errorCode: number, response: object) {
  return connectFailed(
    new AuthenticationError(outer, {
      cause: new ResponseError(apiKey, 1, { "/": [errorCode, null] }, response),
    }),
  );
}

/** TLS 1.3: the request sees "Connection closed", the alert reaches only the connection's error event. */
function closedWithAlert(alert: Error) {
  return new AggregateError([
    new NetworkError("Connection closed"),
    new NetworkError("Connection error", { cause: alert }),
  ]);
}

const badCertificateAlert = nodeError(
  "40AD47C46E7F0000:error:0A000412:SSL routines:ssl3_read_bytes:ssl/tls alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:918:SSL alert number 42\n",
  {
    library: "SSL routines",
    reason: "ssl/tls alert bad certificate",
    code: "ERR_SSL_SSL/TLS_ALERT_BAD_CERTIFICATE",
  },
);

const unknownCaTitle = "TLS handshake failed: the broker's certificate is not signed by the configured CA";

type Case = [name: string, error: unknown, expected: Partial<ClusterProblem>, context?: KafkaErrorContext];

const cases: Case[] = [
  [
    "connection refused",
    connectFailed(
      nodeError("connect ECONNREFUSED 127.0.0.1:1", {
        code: "ECONNREFUSED",
        errno: -111,
        address: "127.0.0.1",
        port: 1,
      }),
      "127.0.0.1:1",
    ),
    { kind: "unreachable", code: "ECONNREFUSED", title: "Connection refused by 127.0.0.1:1" },
  ],
  [
    "host name that does not resolve",
    connectFailed(
      nodeError("getaddrinfo ENOTFOUND nonexistent.invalid", {
        code: "ENOTFOUND",
        hostname: "nonexistent.invalid",
      }),
    ),
    { kind: "unreachable", code: "ENOTFOUND", title: "The broker host nonexistent.invalid does not resolve" },
  ],
  [
    "DNS not answering",
    connectFailed(
      nodeError("getaddrinfo EAI_AGAIN kafka.internal", { code: "EAI_AGAIN", hostname: "kafka.internal" }),
    ),
    { kind: "unreachable", code: "EAI_AGAIN", title: "DNS lookup of kafka.internal failed for now" },
  ],
  [
    "TCP timeout from the OS",
    connectFailed(nodeError("connect ETIMEDOUT 10.0.0.9:9092", { code: "ETIMEDOUT" }), "10.0.0.9:9092"),
    { kind: "unreachable", code: "ETIMEDOUT", title: "Connecting to 10.0.0.9:9092 timed out" },
  ],
  [
    "no route to host",
    connectFailed(nodeError("connect EHOSTUNREACH 10.0.0.9:9092", { code: "EHOSTUNREACH" }), "10.0.0.9:9092"),
    { kind: "unreachable", code: "EHOSTUNREACH", title: "No route to 10.0.0.9:9092" },
  ],
  [
    "the library's connect timeout, after a retry",
    new MultipleErrors("metadata failed 2 times.", [
      new MultipleErrors("Cannot connect to any broker.", [
        new TimeoutError(`Connection to ${BROKER} timed out.`),
      ]),
      new MultipleErrors("Cannot connect to any broker.", [
        new TimeoutError(`Connection to ${BROKER} timed out.`),
      ]),
    ]),
    { kind: "unreachable", code: "PLT_KFK_TIMEOUT", title: `Connecting to ${BROKER} timed out` },
  ],
  [
    "request timeout",
    new TimeoutError("Request timed out", { canRetry: true }),
    { kind: "unreachable", code: "PLT_KFK_TIMEOUT", title: "The cluster did not answer in time" },
  ],
  [
    "broker stopped while connected",
    new NetworkError("Connection closed"),
    { kind: "unreachable", code: "PLT_KFK_NETWORK", title: "The broker closed the connection" },
  ],
  [
    "client closed on shutdown",
    new NetworkError("Client is closed.", { canRetry: false, closed: true }),
    { kind: "unreachable", title: "The console closed its connection to this cluster" },
  ],
  [
    "broker certificate from another CA",
    tlsVerify("UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "unable to get local issuer certificate"),
    { kind: "tls", code: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", title: unknownCaTitle },
  ],
  [
    "broker certificate signed by an untrusted root",
    tlsVerify("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"),
    { kind: "tls", code: "SELF_SIGNED_CERT_IN_CHAIN", title: unknownCaTitle },
  ],
  [
    "self-signed broker certificate",
    tlsVerify("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"),
    { kind: "tls", code: "DEPTH_ZERO_SELF_SIGNED_CERT", title: unknownCaTitle },
  ],
  [
    "broker sends no intermediate",
    tlsVerify("UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"),
    { kind: "tls", code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", title: unknownCaTitle },
  ],
  [
    "expired broker certificate",
    tlsVerify("CERT_HAS_EXPIRED", "certificate has expired"),
    {
      kind: "tls",
      code: "CERT_HAS_EXPIRED",
      title: "TLS handshake failed: the broker's certificate has expired",
    },
  ],
  [
    "broker certificate not valid yet",
    tlsVerify("CERT_NOT_YET_VALID", "certificate is not yet valid"),
    {
      kind: "tls",
      code: "CERT_NOT_YET_VALID",
      title: "TLS handshake failed: the broker's certificate is not valid yet",
    },
  ],
  [
    "host name mismatch",
    connectFailed(
      nodeError(
        "Hostname/IP does not match certificate's altnames: Host: kafka.example.com. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1",
        {
          code: "ERR_TLS_CERT_ALTNAME_INVALID",
          reason:
            "Host: kafka.example.com. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1",
          host: "kafka.example.com",
          cert: { subjectaltname: "DNS:localhost, IP Address:127.0.0.1" },
        },
      ),
    ),
    {
      kind: "tls",
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
      title: "TLS handshake failed: the broker's certificate does not match the host name kafka.example.com",
    },
  ],
  [
    "no client certificate configured (Java answers bad_certificate)",
    closedWithAlert(badCertificateAlert),
    {
      kind: "tls",
      code: "ERR_SSL_SSL/TLS_ALERT_BAD_CERTIFICATE",
      title:
        "TLS handshake failed: the broker requires a client certificate and the console has none configured",
    },
    { clientCertificate: false },
  ],
  [
    "client certificate refused",
    closedWithAlert(badCertificateAlert),
    {
      kind: "tls",
      code: "ERR_SSL_SSL/TLS_ALERT_BAD_CERTIFICATE",
      title: "TLS handshake failed: the broker refused the console's client certificate (bad certificate)",
    },
    { clientCertificate: true },
  ],
  [
    "certificate_required alert (OpenSSL-based brokers)",
    closedWithAlert(
      nodeError("tlsv13 alert certificate required", { code: "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED" }),
    ),
    { kind: "tls", title: "TLS handshake failed: the broker requires a client certificate" },
  ],
  [
    "client certificate from a CA the broker does not trust",
    closedWithAlert(nodeError("tlsv1 alert unknown ca", { code: "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA" })),
    {
      kind: "tls",
      code: "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA",
      title: "TLS handshake failed: the broker does not trust the CA of the console's client certificate",
    },
    { clientCertificate: true },
  ],
  [
    "certificate_unknown alert, old OpenSSL naming",
    closedWithAlert(
      nodeError("sslv3 alert certificate unknown", { code: "ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN" }),
    ),
    {
      kind: "tls",
      title:
        "TLS handshake failed: the broker refused the console's client certificate (certificate unknown)",
    },
  ],
  [
    "an alert without its own words",
    closedWithAlert(
      nodeError(
        "C0:error:0A000419:SSL routines:ssl3_read_bytes:tlsv1 alert access denied:rec_layer_s3.c:918:",
        {
          code: "ERR_SSL_TLSV1_ALERT_ACCESS_DENIED",
        },
      ),
    ),
    {
      kind: "tls",
      code: "ERR_SSL_TLSV1_ALERT_ACCESS_DENIED",
      title: "TLS handshake failed: tlsv1 alert access denied",
    },
  ],
  [
    "TLS against a plaintext port: the broker hangs up",
    connectFailed(
      new UserError("TLS handshake failed. Please verify the broker supports TLS.", {
        cause: nodeError("Client network socket disconnected before secure TLS connection was established", {
          code: "ECONNRESET",
        }),
      }),
    ),
    {
      kind: "tls",
      code: "ECONNRESET",
      title: "TLS handshake failed: the broker closed the connection during the handshake",
    },
  ],
  [
    "plaintext against a TLS port",
    new UserError("Broker requires TLS."),
    {
      kind: "tls",
      code: "PLT_KFK_USER",
      title: "The broker expects TLS but the console connected without it",
    },
  ],
  [
    "private key of another certificate",
    nodeError("error:05800074:x509 certificate routines::key values mismatch", {
      code: "ERR_OSSL_X509_KEY_VALUES_MISMATCH",
    }),
    { kind: "tls", code: "ERR_OSSL_X509_KEY_VALUES_MISMATCH" },
  ],
  [
    "wrong SCRAM password",
    saslFailed("SASL authentication failed.", 36, 58, {
      errorCode: 58,
      errorMessage:
        "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512",
    }),
    {
      kind: "authentication",
      code: "SASL_AUTHENTICATION_FAILED",
      title: "SASL authentication failed for user scram-client (SCRAM-SHA-512)",
    },
    { sasl: { mechanism: "SCRAM-SHA-512", username: "scram-client" } },
  ],
  [
    "mechanism the listener does not enable",
    saslFailed("Cannot find a suitable SASL mechanism.", 17, 33, {
      errorCode: 33,
      mechanisms: ["SCRAM-SHA-512"],
    }),
    {
      kind: "authentication",
      code: "UNSUPPORTED_SASL_MECHANISM",
      title: "The broker does not accept SASL mechanism PLAIN",
    },
    { sasl: { mechanism: "PLAIN", username: "scram-client" } },
  ],
  [
    "SASL in plaintext to a SASL_SSL port: the broker hangs up",
    connectFailed(
      new AuthenticationError("Cannot find a suitable SASL mechanism.", {
        cause: new NetworkError("Connection closed"),
      }),
    ),
    {
      kind: "authentication",
      code: "PLT_KFK_AUTHENTICATION",
      title: "SASL authentication failed: the broker closed the connection during the handshake",
      hint: "The listener probably expects TLS (SASL_SSL): add tls settings (at least tls.ca) to this cluster.",
    },
    { tls: false, sasl: { mechanism: "SCRAM-SHA-512", username: "scram-client" } },
  ],
  [
    "no SASL settings for a SASL port: the broker hangs up",
    new NetworkError("Connection closed"),
    { kind: "unreachable", hint: expect.stringContaining("configure sasl for this cluster") },
    { tls: true },
  ],
  [
    "SASL against a listener without SASL",
    saslFailed("Cannot find a suitable SASL mechanism.", 17, 34, { errorCode: 34, mechanisms: [] }),
    {
      kind: "authentication",
      code: "ILLEGAL_SASL_STATE",
      title: "The broker did not expect SASL authentication on this listener",
    },
  ],
  [
    "topic ACL missing, with context",
    answered(32, 29, "Topic authorization failed."),
    {
      kind: "authorization",
      code: "TOPIC_AUTHORIZATION_FAILED",
      title: "The console's identity User:console may not describe topic orders",
      hint: "Grant DESCRIBE on topic orders to User:console, or make it a super user.",
    },
    { principal: "User:console", operation: "DESCRIBE", resourceName: "orders" },
  ],
  [
    "group ACL missing, no context",
    answered(15, 30),
    {
      kind: "authorization",
      code: "GROUP_AUTHORIZATION_FAILED",
      title: "The console's identity may not access this consumer group",
    },
  ],
  [
    "config ACL missing",
    answered(32, 29, "Topic authorization failed."),
    {
      title: "The console's identity User:console may not describe the configuration of topic orders",
      hint: "Grant DESCRIBE_CONFIGS on topic orders to User:console, or make it a super user.",
    },
    { principal: "User:console", operation: "DESCRIBE_CONFIGS", resourceName: "orders" },
  ],
  [
    "cluster ACL missing",
    answered(29, 31),
    {
      kind: "authorization",
      code: "CLUSTER_AUTHORIZATION_FAILED",
      title: "The console's identity User:nobody may not describe the cluster",
    },
    { principal: "User:nobody", operation: "DESCRIBE" },
  ],
  [
    "unknown topic",
    answered(32, 3),
    {
      kind: "broker",
      code: "UNKNOWN_TOPIC_OR_PARTITION",
      title: "Topic orders does not exist (or the partition does not)",
    },
    { resourceName: "orders" },
  ],
  [
    "another broker answer keeps the broker's words",
    answered(32, 40, "Invalid value -5 for configuration retention.ms"),
    {
      kind: "broker",
      code: "INVALID_CONFIG",
      title: "The broker refused a configuration value",
      hint: "The broker says: Invalid value -5 for configuration retention.ms",
    },
  ],
  [
    "a broker answer with no phrase of its own",
    answered(32, 42),
    { kind: "broker", code: "INVALID_REQUEST", hint: "The broker's log has details." },
  ],
  [
    "a known answer without the broker's explanation",
    answered(19, 44),
    { kind: "broker", code: "POLICY_VIOLATION", hint: "The broker's log has details." },
  ],
];

describe("describeKafkaError", () => {
  it.each(cases)("%s", (_name, error, expected, context) => {
    expect(describeKafkaError(error, context)).toMatchObject(expected);
  });

  it("always gives a hint, and never a stack trace", () => {
    for (const [, error, , context] of cases) {
      const problem = describeKafkaError(error, context);
      expect(problem.hint.length).toBeGreaterThan(10);
      expect(JSON.stringify(problem)).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)/);
    }
  });

  it("prefers the TLS alert to the closed connection, whatever the order", () => {
    const reversed = new AggregateError([...closedWithAlert(badCertificateAlert).errors].reverse());
    expect(describeKafkaError(reversed, { clientCertificate: true }).code).toBe(
      "ERR_SSL_SSL/TLS_ALERT_BAD_CERTIFICATE",
    );
  });

  it("names the first broker's failure when several bootstrap brokers fail alike", () => {
    const refused = (port: number) =>
      new NetworkError(`Connection to 127.0.0.1:${port} failed.`, {
        cause: nodeError(`connect ECONNREFUSED 127.0.0.1:${port}`, {
          code: "ECONNREFUSED",
          address: "127.0.0.1",
          port,
        }),
      });
    const error = new MultipleErrors("Cannot connect to any broker.", [refused(9092), refused(9093)]);
    expect(describeKafkaError(error).title).toBe("Connection refused by 127.0.0.1:9092");
  });

  it("still says something for errors of unknown origin", () => {
    expect(describeKafkaError(new Error("boom\n    at secret (/srv/app.js:1:1)"))).toEqual({
      kind: "broker",
      title: "Unexpected error talking to the cluster: boom",
      hint: expect.any(String),
      code: undefined,
    });
    expect(describeKafkaError("just a string").title).toBe(
      "Unexpected error talking to the cluster: just a string",
    );
    expect(describeKafkaError(undefined).title).toBe("Unexpected error talking to the cluster");
  });

  it("survives an error that contains itself", () => {
    const error: Error & { cause?: unknown } = new Error("loop");
    error.cause = error;
    expect(describeKafkaError(error).kind).toBe("broker");
  });
});
