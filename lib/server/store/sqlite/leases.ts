import type { LeaseStore } from "../lag-history-types";
import { type Connection, type Row, text } from "./connection";
import type { Sync } from "./sync";

export function createLeaseStore({ statement }: Connection): Sync<LeaseStore> {
  return {
    // One statement, so two processes racing for a free lease cannot both win: the row is written only
    // when absent, expired or already ours, and RETURNING says whether it was.
    acquire(name, owner, nowMs, ttlMs) {
      const row = statement(
        `INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE leases.owner = excluded.owner OR leases.expires_at <= ?
         RETURNING owner`,
      ).get(name, owner, Math.trunc(nowMs + ttlMs), Math.trunc(nowMs));
      return row !== undefined && text(row as Row, "owner") === owner;
    },

    release(name, owner) {
      statement("DELETE FROM leases WHERE name = ? AND owner = ?").run(name, owner);
    },

    holder(name) {
      const row = statement("SELECT owner, expires_at FROM leases WHERE name = ?").get(name);
      return row ? { owner: text(row, "owner"), expiresAt: Number(row.expires_at) } : undefined;
    },
  };
}
