// Who may do what, by name: guards, pages and the navigation read this one map, never a role literal.
// Changing what a role may do is a one-line change here (and e2e/guards.spec.ts proves it end to end).
import { type Role, roleAtLeast } from "@/lib/schemas/auth";

export const PERMISSIONS = {
  /** Be signed in: the shell, one's own password, signing out. */
  "session.use": "viewer",
  "cluster.view": "viewer",
  "topic.view": "viewer",
  /** Create a topic (checked with validateOnly first). */
  "topic.create": "operator",
  /** Edit or reset a topic's configs, add partitions. */
  "topic.configure": "operator",
  /** Delete records before an offset or a time (the log start moves). */
  "topic.deleteRecords": "operator",
  /** Delete a topic (internal topics are refused). */
  "topic.delete": "admin",
  /** Brokers, their log dirs and configs, finalized features and the KRaft quorum. */
  "broker.view": "viewer",
  /** Change a broker's dynamic configs or the cluster-wide broker defaults. */
  "broker.configure": "admin",
  /** Client quotas of users, client ids and defaults. */
  "quota.view": "viewer",
  "quota.manage": "admin",
  /** SCRAM users (DescribeUserScramCredentials): list, create, change a password, delete. */
  "scramUser.manage": "admin",
  "group.view": "viewer",
  /** Reset, import or start a group's committed offsets (refused by Kafka while the group has members). */
  "group.reset": "operator",
  /** Delete an empty group, or one topic's committed offsets from a group. */
  "group.delete": "admin",
  /** Search and tail messages, read one in full. */
  "message.view": "viewer",
  "message.produce": "operator",
  /** Confluent REST v2 consumer instances: join a group as the console, read and commit its offsets. */
  "consumer.instance": "operator",
  /** Schema registry: subjects, versions, schemas by id, compatibility levels and mode; compatibility checks (they change nothing). */
  "schema.view": "viewer",
  /** Register a new schema version (after a compatibility check). */
  "schema.register": "operator",
  /** Soft- and hard-delete schema versions and subjects. */
  "schema.delete": "admin",
  /** Change the global or a subject's compatibility level, or remove a subject's own. */
  "schema.config": "admin",
  "acl.view": "viewer",
  "acl.create": "admin",
  "acl.delete": "admin",
  /** Issued certificates, the CA certificates and the CRL. */
  "certificate.view": "viewer",
  /** Issue with a new key, sign a CSR, check a name before issuing (non-reserved names). */
  "certificate.issue": "operator",
  "certificate.revoke": "admin",
  /** The REST API's OpenAPI document. */
  "api.describe": "viewer",
  /** The Prometheus metrics at /metrics (unless server.metrics.public lets anyone read them). */
  "metrics.view": "viewer",
  "audit.view": "admin",
  "user.manage": "admin",
  "token.manage": "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

/** The lowest role that has the permission. */
export function requiredRole(permission: Permission): Role {
  return PERMISSIONS[permission];
}

/** Whether a role (none: not signed in) has the permission. */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && roleAtLeast(role, PERMISSIONS[permission]);
}
