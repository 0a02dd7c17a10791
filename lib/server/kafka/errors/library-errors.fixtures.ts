// Errors built the way @platformatic/kafka builds them, around Node/OpenSSL causes captured from a
// real Kafka 4.3 broker (test/integration/kafka-*.test.ts checks the same cases end to end).
// Shared by the translator's unit tests only.
import { AuthenticationError, MultipleErrors, NetworkError, ResponseError } from "@platformatic/kafka";
import { expect, it } from "vitest";

import type { ClusterProblem } from "@/lib/schemas/cluster";

import { describeKafkaError } from "./describe-kafka-error";
import type { KafkaErrorContext } from "./types";

export const BROKER = "127.0.0.1:40533";

/** A Node system or OpenSSL error: a plain Error with the fields Node sets. */
export function nodeError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

/** What Connection#onConnectionError and ConnectionPool#getFirstAvailable wrap around a cause. */
export function connectFailed(cause: Error, broker = BROKER): MultipleErrors {
  return new MultipleErrors("Cannot connect to any broker.", [
    new NetworkError(`Connection to ${broker} failed.`, { cause }),
  ]);
}

export function tlsVerify(code: string, message: string) {
  return connectFailed(nodeError(message, { code }));
}

/** A broker's answer with an error code, as the response parsers throw it. */
export function answered(
  apiKey: number,
  errorCode: number,
  serverMessage: string | null = null,
  response = {},
) {
  return new MultipleErrors("Describing configs failed.", [
    new ResponseError(apiKey, 4, { "/results/0": [errorCode, serverMessage] }, response),
  ]);
}

/** SASL failures: the library wraps the SaslHandshake/SaslAuthenticate ResponseError twice. */
export function saslFailed(outer: string, apiKey: number, errorCode: number, response: object) {
  return connectFailed(
    new AuthenticationError(outer, {
      cause: new ResponseError(apiKey, 1, { "/": [errorCode, null] }, response),
    }),
  );
}

/** TLS 1.3: the request sees "Connection closed", the alert reaches only the connection's error event. */
export function closedWithAlert(alert: Error) {
  return new AggregateError([
    new NetworkError("Connection closed"),
    new NetworkError("Connection error", { cause: alert }),
  ]);
}

export const badCertificateAlert = nodeError(
  "40AD47C46E7F0000:error:0A000412:SSL routines:ssl3_read_bytes:ssl/tls alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:918:SSL alert number 42\n",
  {
    library: "SSL routines",
    reason: "ssl/tls alert bad certificate",
    code: "ERR_SSL_SSL/TLS_ALERT_BAD_CERTIFICATE",
  },
);

export const unknownCaTitle =
  "TLS handshake failed: the broker's certificate is not signed by the configured CA";

export type Case = [
  name: string,
  error: unknown,
  expected: Partial<ClusterProblem>,
  context?: KafkaErrorContext,
];

/** One test per case, plus the promises every problem keeps: a hint, and no stack trace. */
export function itTranslates(cases: Case[]) {
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
}
