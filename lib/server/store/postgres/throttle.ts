import type { SignInThrottleStore } from "../types";
import { changed, type Database, numeric, one } from "./connection";

export function createSignInThrottleStore(db: Database): SignInThrottleStore {
  return {
    // One statement, so two replicas counting the same key at once both count: the row is created at
    // 1, or grows by 1, or starts over at 1 after a quiet window, and RETURNING gives the new count.
    async hit(key, nowMs, windowMs) {
      const row = await one(
        db,
        `INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN $2 - sign_in_failures.last_failure_at >= $3 THEN 1
                           ELSE sign_in_failures.failures + 1 END,
           last_failure_at = greatest(sign_in_failures.last_failure_at, $2)
         RETURNING failures`,
        [key, Math.trunc(nowMs), Math.trunc(windowMs)],
      );
      return row ? numeric(row, "failures") : 1;
    },

    async counts(keys) {
      if (keys.length === 0) return [];
      const { rows } = await db.query(
        "SELECT key, failures, last_failure_at FROM sign_in_failures WHERE key = ANY ($1::text[]) ORDER BY key",
        [[...keys]],
      );
      return rows.map((row) => ({
        key: String(row.key),
        failures: numeric(row, "failures"),
        lastFailureAt: numeric(row, "last_failure_at"),
      }));
    },

    async forget(key) {
      await db.query("DELETE FROM sign_in_failures WHERE key = $1", [key]);
    },

    prune: (beforeMs) =>
      changed(db, "DELETE FROM sign_in_failures WHERE last_failure_at < $1", [Math.trunc(beforeMs)]),
  };
}
