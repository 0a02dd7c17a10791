// Shapes shared by the server (lib/server/kafka), route handlers and the UI for a cluster's state.
import type { SchemaRegistryConnection } from "./schema-registry-config";

/** A cluster as the server connects to it: secrets and PEM files already resolved to their contents. */
export interface ClusterConnection {
  name: string;
  bootstrapBrokers: string[];
  tls?: {
    ca?: string;
    cert?: string;
    key?: string;
    /** Server name to verify instead of the broker's host (SNI and hostname check). */
    servername?: string;
  };
  sasl?: {
    mechanism: "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512";
    username: string;
    password: string;
  };
  /** The cluster's schema registry (Confluent-compatible API), when one is configured. */
  schemaRegistry?: SchemaRegistryConnection;
}

/** Why a cluster cannot be used, in the operator's terms. */
export type ClusterProblemKind =
  | "unreachable" // connection refused, DNS, timeout
  | "tls" // handshake failed: unknown CA, expired certificate, hostname mismatch, client certificate refused
  | "authentication" // SASL failed
  | "authorization" // the console's identity may not do this
  | "broker" // the broker answered with another error
  | "unknown-cluster";

export interface ClusterProblem {
  kind: ClusterProblemKind;
  /** One line: "TLS handshake failed: the broker's certificate is not signed by the configured CA". */
  title: string;
  /** What to check or change. */
  hint: string;
  /** The Kafka error name or the Node/OpenSSL error code, kept visible for searching. */
  code?: string;
}

export interface BrokerSummary {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  isController: boolean;
}

export interface ApiVersionRange {
  apiKey: number;
  name: string;
  minVersion: number;
  maxVersion: number;
}

/** A feature the cluster finalized (KIP-584), from the ApiVersions v3+ answer: `metadata.version` on KRaft. */
export interface FinalizedFeature {
  name: string;
  minVersionLevel: number;
  maxVersionLevel: number;
}

export interface ClusterOverview {
  cluster: string;
  clusterId: string;
  controllerId: number;
  brokers: BrokerSummary[];
  topicCount: number;
  internalTopicCount: number;
  partitionCount: number;
  underReplicatedPartitions: number;
  offlinePartitions: number;
  apiVersions: ApiVersionRange[];
  /** Empty when the cluster finalizes no feature, or answers ApiVersions below v3 (no features there). */
  finalizedFeatures: FinalizedFeature[];
  /** ISO time of the answer. */
  fetchedAt: string;
}

export type ClusterStatus =
  | { ok: true; overview: ClusterOverview }
  | { ok: false; cluster: string; problem: ClusterProblem; checkedAt: string };
