import type { LeaseStore } from "../lag-history-types";
import { type Database, numeric, one, text } from "./connection";

export function createLeaseStore(db: Database): LeaseStore {
  return {
    // One statement, so two replicas racing for a free lease cannot both win: the row is written only
    // when absent, expired or already ours, and RETURNING says whether it was.
    async acquire(name, owner, nowMs, ttlMs) {
      const row = await one(
        db,
        `INSERT INTO leases (name, owner, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE leases.owner = excluded.owner OR leases.expires_at <= $4
         RETURNING owner`,
        [name, owner, Math.trunc(nowMs + ttlMs), Math.trunc(nowMs)],
      );
      return row !== undefined && text(row, "owner") === owner;
    },

    async release(name, owner) {
      await db.query("DELETE FROM leases WHERE name = $1 AND owner = $2", [name, owner]);
    },

    async holder(name) {
      const row = await one(db, "SELECT owner, expires_at FROM leases WHERE name = $1", [name]);
      return row ? { owner: text(row, "owner"), expiresAt: numeric(row, "expires_at") } : undefined;
    },
  };
}
