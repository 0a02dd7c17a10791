// How the console proves who it is to a cluster, in the words the clusters page shows.
import type { ClusterConnection } from "@/lib/schemas/cluster";

export type ClusterAuthentication =
  "mTLS" | "SCRAM-SHA-256" | "SCRAM-SHA-512" | "PLAIN" | "TLS only" | "None (plaintext)";

/** SASL wins over a client certificate: with both, the broker's SASL_SSL listener takes the SASL identity. */
export function clusterAuthentication(connection: Pick<ClusterConnection, "tls" | "sasl">): {
  kind: ClusterAuthentication;
  /** Whether the connection is encrypted. */
  tls: boolean;
} {
  const tls = connection.tls !== undefined;
  if (connection.sasl) return { kind: connection.sasl.mechanism, tls };
  if (connection.tls?.cert && connection.tls.key) return { kind: "mTLS", tls };
  return { kind: tls ? "TLS only" : "None (plaintext)", tls };
}
