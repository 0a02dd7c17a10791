// Unreachable brokers: DNS, TCP, timeouts, dropped connections.
import { MultipleErrors, NetworkError, TimeoutError } from "@platformatic/kafka";
import { describe, expect } from "vitest";

import {
  BROKER,
  nodeError,
  connectFailed,
  itTranslates,
  type Case,
} from "@/test/fixtures/kafka-library-errors";

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
    "no SASL settings for a SASL port: the broker hangs up",
    new NetworkError("Connection closed"),
    { kind: "unreachable", hint: expect.stringContaining("configure sasl for this cluster") },
    { tls: true },
  ],
];

describe("describeKafkaError: network", () => {
  itTranslates(cases);
});
