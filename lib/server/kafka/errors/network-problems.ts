// Failures to reach a broker at all: DNS, TCP, timeouts, connections dropped.
import { TimeoutError } from "@platformatic/kafka";
import { stringField, type ErrorLink } from "./error-chain";
import { rank, type Candidate, type KafkaErrorContext } from "./types";

const checkAddress = "Check the bootstrap address and port, and that the broker is running.";

export function describeNetworkLink(
  { error, broker }: ErrorLink,
  context: KafkaErrorContext,
): Candidate | null {
  const code = stringField(error.code);
  const message = stringField(error.message) ?? "";
  const where = broker ?? "the broker";
  const whoStarts = broker ?? "The broker";
  const unreachable = (title: string, hint: string, problemCode = code, linkRank: number = rank.network) => ({
    rank: linkRank,
    problem: { kind: "unreachable" as const, title, hint, code: problemCode },
  });

  switch (code) {
    case "ECONNREFUSED":
      return unreachable(`Connection refused by ${where}`, `Nothing listens there. ${checkAddress}`);
    case "ENOTFOUND":
      return unreachable(
        `The broker host ${stringField(error.hostname) ?? "name"} does not resolve`,
        "Check the host name in the bootstrap brokers (and the broker's advertised.listeners) and the DNS seen by the console's host.",
      );
    case "EAI_AGAIN":
      return unreachable(
        `DNS lookup of ${stringField(error.hostname) ?? "the broker host"} failed for now`,
        "The DNS server did not answer. Check DNS from the console's host; this is often temporary.",
      );
    case "ETIMEDOUT":
      return unreachable(`Connecting to ${where} timed out`, timeoutHint);
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return unreachable(
        `No route to ${where}`,
        "The host is down or its network is not reachable from the console's host.",
      );
    case "ECONNRESET":
    case "EPIPE":
      return unreachable(
        `${whoStarts} dropped the connection`,
        "The broker may be restarting, or the listener expects other security settings (TLS, SASL) than the console uses.",
        code,
        rank.connectionReset,
      );
  }

  if (error instanceof TimeoutError || /timed out/i.test(message)) {
    // TimeoutError carries the NetworkError code (PLT_KFK_NETWORK); name the class so the code can be searched.
    return message.startsWith("Connection to")
      ? unreachable(`Connecting to ${where} timed out`, timeoutHint, "PLT_KFK_TIMEOUT", rank.timeout)
      : unreachable(
          `${broker ?? "The cluster"} did not answer in time`,
          "The broker may be overloaded, restarting or unreachable. It is asked again on the next refresh.",
          "PLT_KFK_TIMEOUT",
          rank.timeout,
        );
  }
  if (error.closed === true) {
    return unreachable(
      "The console closed its connection to this cluster",
      "The server is shutting down or reloading its configuration; try again.",
      code,
      rank.clientClosed,
    );
  }
  if (message === "Connection closed" || message === "Connection closed while waiting for ready.") {
    // A SASL listener hangs up on a client that sends requests before authenticating.
    const hint = context.sasl
      ? "The broker may be restarting, or it refused the console's security settings and hung up."
      : "The broker may be restarting. If this port is a SASL listener (SASL_SSL, SASL_PLAINTEXT), configure sasl for this cluster: such a listener hangs up on clients that do not authenticate.";
    return unreachable(`${whoStarts} closed the connection`, hint, code, rank.connectionClosed);
  }
  return null;
}

const timeoutHint =
  "A firewall may drop the packets, or the host is down. Check that the console's host can reach the address.";
