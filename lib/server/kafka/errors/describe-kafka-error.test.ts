// How the translator reads a whole chain: ranking, several brokers, errors of unknown origin.
// The tables of single cases are in network-, tls- and protocol-problems.test.ts.
import { MultipleErrors, NetworkError } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import { describeKafkaError } from "./describe-kafka-error";
import { badCertificateAlert, closedWithAlert, nodeError } from "@/test/fixtures/kafka-library-errors";

describe("describeKafkaError", () => {
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
