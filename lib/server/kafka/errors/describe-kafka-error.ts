// The one place where errors from Kafka, Node and OpenSSL become messages an operator can act on.
import type { ClusterProblem } from "@/lib/schemas/cluster";
import { flattenErrorChain, stringField } from "./error-chain";
import { describeNetworkLink } from "./network-problems";
import { describeProtocolLink } from "./protocol-problems";
import { describeSaslLink } from "./sasl-problems";
import { describeTlsLink } from "./tls-problems";
import type { Candidate, KafkaErrorContext } from "./types";

export type { KafkaErrorContext } from "./types";

/**
 * Translates any error thrown while talking to a cluster. The library nests the telling error under
 * retries and per-broker attempts, so every link is read and the most specific one wins: a TLS alert
 * explains a "Connection closed" next to it, a Kafka error code explains the MultipleErrors around it.
 */
export function describeKafkaError(error: unknown, context: KafkaErrorContext = {}): ClusterProblem {
  let best: Candidate | null = null;
  for (const link of flattenErrorChain(error)) {
    const candidate =
      describeTlsLink(link, context) ??
      describeSaslLink(link, context) ??
      describeProtocolLink(link, context) ??
      describeNetworkLink(link, context);
    // Ties keep the first: parents come before their causes, and earlier attempts before later ones.
    if (candidate && (!best || candidate.rank > best.rank)) best = candidate;
  }
  return best?.problem ?? describeUnknown(error);
}

function describeUnknown(error: unknown): ClusterProblem {
  const innermost = flattenErrorChain(error).at(-1)?.error;
  const message = stringField(innermost?.message) ?? (typeof error === "string" ? error : undefined);
  return {
    kind: "broker",
    // Only the first line: messages of unknown origin may carry a stack or a dump after it.
    title: message
      ? `Unexpected error talking to the cluster: ${firstLine(message)}`
      : "Unexpected error talking to the cluster",
    hint: "The console's server log may have more. If it persists, report it with the code shown.",
    code: stringField(innermost?.code),
  };
}

function firstLine(text: string): string {
  const line = text.split("\n", 1)[0]?.trim() ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
