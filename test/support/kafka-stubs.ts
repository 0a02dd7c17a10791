// What a route test's vi.mock of "@/lib/server/kafka" answers: the test's stubs, with the pure
// translation of a problem and the capability decision being the real ones.
import { unavailableReason } from "@/lib/server/kafka/capabilities";
import { problemResult } from "@/lib/server/kafka/errors/problem-status";

export function kafkaStubs<T extends object>(stubs: T) {
  return { ...stubs, problemResult, unavailableReason };
}
