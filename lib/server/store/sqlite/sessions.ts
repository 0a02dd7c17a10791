import { randomUUID } from "node:crypto";

import type { SessionStore } from "../types";
import { toSession } from "../rows";
import { type Connection, type Row, withConflict } from "./connection";
import type { Sync } from "./sync";

export function createSessionStore({ statement }: Connection): Sync<SessionStore> {
  return {
    create(session) {
      const row = withConflict("a session with this id already exists", () =>
        statement(
          `INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, client_address, user_agent)
           VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        ).get(
          session.id ?? randomUUID(),
          session.userId,
          session.createdAt,
          session.lastSeenAt,
          session.expiresAt,
          session.clientAddress,
          session.userAgent,
        ),
      );
      return toSession(row as Row);
    },

    find(id) {
      const row = statement("SELECT * FROM sessions WHERE id = ?").get(id);
      return row ? toSession(row) : undefined;
    },

    touch(id, lastSeenAt) {
      statement("UPDATE sessions SET last_seen_at = ? WHERE id = ?").run(lastSeenAt, id);
    },

    delete(id) {
      statement("DELETE FROM sessions WHERE id = ?").run(id);
    },

    deleteForUser: (userId) =>
      Number(statement("DELETE FROM sessions WHERE user_id = ?").run(userId).changes),

    deleteExpired: (now, idleBefore) =>
      Number(
        statement("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at < ?").run(now, idleBefore)
          .changes,
      ),
  };
}
