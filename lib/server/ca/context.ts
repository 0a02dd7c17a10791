import "server-only";

import type { CaSettings } from "@/lib/schemas/config";
import type { AuditEventInput, ConsoleStore } from "@/lib/server/store/types";

/**
 * What the CA's operations need from the running server, passed in so tests give them a real
 * in-memory store and settings of their own. index.ts builds it from getStore() and getConfig().
 */
export interface CaContext {
  store: ConsoleStore;
  settings: CaSettings;
  /** For the generated key encryption key (<dataDir>/ca-key-encryption-key). */
  dataDir: string;
  /** PEM client certificates the console itself connects with: their CNs are reserved too. */
  clusterCertificates: readonly string[];
  /**
   * Every cluster's bootstrap hosts and the broker hosts its metadata reported: only admins may
   * issue certificates naming them. Gathered (with a deadline) before issuing; empty elsewhere.
   */
  brokerHosts: readonly string[];
  now(): Date;
  /** Appends an audit record to `into` (default: `store`); pass a transaction's store to share it. */
  audit(event: Omit<AuditEventInput, "clientAddress" | "requestId">, into?: ConsoleStore): Promise<void>;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
