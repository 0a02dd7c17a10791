import type { SignInThrottleStore } from "../types";
import type { Connection } from "./connection";
import type { Sync } from "./sync";

export function createSignInThrottleStore({ statement }: Connection): Sync<SignInThrottleStore> {
  return {
    // One statement, so two replicas counting the same key at once both count: the row is created at
    // 1, or grows by 1, or starts over at 1 after a quiet window, and RETURNING gives the new count.
    hit(key, nowMs, windowMs) {
      const row = statement(
        `INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES (:key, 1, :now)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN :now - sign_in_failures.last_failure_at >= :window THEN 1
                           ELSE sign_in_failures.failures + 1 END,
           last_failure_at = max(sign_in_failures.last_failure_at, :now)
         RETURNING failures`,
      ).get({ key, now: Math.trunc(nowMs), window: Math.trunc(windowMs) });
      return Number(row?.failures ?? 1);
    },

    counts(keys) {
      if (keys.length === 0) return [];
      // json_each keeps the statement's text (and its cache entry) fixed whatever the number of keys.
      return statement(
        `SELECT key, failures, last_failure_at FROM sign_in_failures
         WHERE key IN (SELECT value FROM json_each(?))`,
      )
        .all(JSON.stringify(keys))
        .map((row) => ({
          key: String(row.key),
          failures: Number(row.failures),
          lastFailureAt: Number(row.last_failure_at),
        }));
    },

    forget(key) {
      statement("DELETE FROM sign_in_failures WHERE key = ?").run(key);
    },

    prune: (beforeMs) =>
      Number(
        statement("DELETE FROM sign_in_failures WHERE last_failure_at < ?").run(Math.trunc(beforeMs)).changes,
      ),
  };
}
