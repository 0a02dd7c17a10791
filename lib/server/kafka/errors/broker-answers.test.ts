// Broker answers: SASL, ACL refusals and other Kafka error codes.
import { AuthenticationError, NetworkError } from "@platformatic/kafka";
import { describe } from "vitest";

import {
  connectFailed,
  answered,
  saslFailed,
  itTranslates,
  type Case,
} from "@/test/fixtures/kafka-library-errors";

const cases: Case[] = [
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

describe("describeKafkaError: protocol", () => {
  itTranslates(cases);
});
