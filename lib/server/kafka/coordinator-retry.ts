// A group's coordinator moving, or still loading its partition of __consumer_offsets (a broker that just
// started), answers NOT_COORDINATOR or COORDINATOR_LOAD_IN_PROGRESS for a while; some of the client's
// APIs (alterConsumerGroupOffsets) do not retry that. For idempotent operations only: reads, and
// commits of the same offsets.
import { flattenErrorChain } from "./errors/error-chain";

export const COORDINATOR_ERRORS = new Set([
  "NOT_COORDINATOR",
  "COORDINATOR_LOAD_IN_PROGRESS",
  "COORDINATOR_NOT_AVAILABLE",
]);

/** Runs the operation again on a coordinator error, about 7.5 s in all; any other error fails at once. */
export async function whileCoordinatorMoves<T>(operation: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const moving = flattenErrorChain(error).some((link) =>
        COORDINATOR_ERRORS.has(String(link.error.apiId)),
      );
      if (!moving || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 1_000)));
    }
  }
}

/** Like whileCoordinatorMoves, for an operation that answers its problem (with Kafka's code) instead of throwing. */
export async function untilCoordinatorAnswers<T extends { ok: boolean; problem?: { code?: string } }>(
  operation: () => Promise<T>,
  attempts = 10,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const result = await operation();
    if (result.ok || !COORDINATOR_ERRORS.has(result.problem?.code ?? "") || attempt >= attempts)
      return result;
    await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 1_000)));
  }
}
