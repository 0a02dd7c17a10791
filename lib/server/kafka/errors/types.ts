import type { ClusterProblem } from "@/lib/schemas/cluster";

/** What the console was doing when the error happened; every field makes the message more precise. */
export interface KafkaErrorContext {
  cluster?: string;
  /** The console's identity as the broker sees it, e.g. "User:console". */
  principal?: string;
  /** The ACL operation the console needed, e.g. "DESCRIBE", "READ", "ALTER_CONFIGS". */
  operation?: string;
  /** The topic, group or transactional id the operation was on. */
  resourceName?: string;
  /** Whether the console connects with TLS at all. */
  tls?: boolean;
  /** Whether the console presented a client certificate; tells "none sent" from "refused". */
  clientCertificate?: boolean;
  /** The SASL settings in use (never the password). */
  sasl?: { mechanism: string; username: string };
}

/** A possible reading of one link of the error chain; the highest rank wins. */
export interface Candidate {
  rank: number;
  problem: ClusterProblem;
}

/** How telling a kind of error is when several appear in one chain (retries, several brokers). */
export const rank = {
  tlsSpecific: 100,
  sasl: 90,
  authorization: 85,
  tlsGeneric: 75,
  protocol: 70,
  tlsClosed: 65,
  authenticationGeneric: 60,
  network: 50,
  connectionReset: 45,
  unsupportedApi: 45,
  timeout: 40,
  clientClosed: 30,
  connectionClosed: 20,
  unknown: 0,
} as const;
