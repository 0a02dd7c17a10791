import { randomUUID } from "node:crypto";

import type { SessionStore } from "../types";
import { toSession } from "../rows";
import { changed, type Database, one, insertOrConflict } from "./connection";

export function createSessionStore(db: Database): SessionStore {
  return {
    async create(session) {
      const row = await insertOrConflict(
        db,
        "a session with this id already exists",
        `INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, client_address, user_agent)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          session.id ?? randomUUID(),
          session.userId,
          session.createdAt,
          session.lastSeenAt,
          session.expiresAt,
          session.clientAddress,
          session.userAgent,
        ],
      );
      return toSession(row);
    },

    async find(id) {
      const row = await one(db, "SELECT * FROM sessions WHERE id = $1", [id]);
      return row ? toSession(row) : undefined;
    },

    async touch(id, lastSeenAt) {
      await db.query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2", [lastSeenAt, id]);
    },

    async delete(id) {
      await db.query("DELETE FROM sessions WHERE id = $1", [id]);
    },

    deleteForUser: (userId) => changed(db, "DELETE FROM sessions WHERE user_id = $1", [userId]),

    deleteExpired: (now, idleBefore) =>
      changed(db, "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2", [now, idleBefore]),
  };
}
