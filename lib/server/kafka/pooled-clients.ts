import "server-only";

// The pooled clients, for this module's own operations only: pages, actions and routes call the
// named operations in index.ts, never the library's Admin or Producer API.
import type { Admin, Producer } from "@platformatic/kafka";

import type { ClusterResult } from "./cluster-pool";
import { describeKafkaError, type KafkaErrorContext } from "./errors/describe-kafka-error";
import { currentPool } from "./global-pool";

/**
 * Runs an operation with the cluster's pooled admin client (never a client per request). Failures
 * come back as a translated ClusterProblem; pass the ACL operation and resource for precise messages.
 */
export async function withClusterAdmin<T>(
  cluster: string,
  operation: (admin: Admin) => Promise<T>,
  context?: KafkaErrorContext,
): Promise<ClusterResult<T>> {
  try {
    return await currentPool().withAdmin(cluster, operation, context);
  } catch (error) {
    return { ok: false, problem: describeKafkaError(error, context) };
  }
}

/** Like withClusterAdmin, with the cluster's pooled producer. */
export async function withClusterProducer<T>(
  cluster: string,
  operation: (producer: Producer) => Promise<T>,
  context?: KafkaErrorContext,
): Promise<ClusterResult<T>> {
  try {
    return await currentPool().withProducer(cluster, operation, context);
  } catch (error) {
    return { ok: false, problem: describeKafkaError(error, context) };
  }
}
