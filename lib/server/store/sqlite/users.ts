import { randomUUID } from "node:crypto";

import type { UserStore } from "../types";
import { toUser } from "../rows";
import { type Connection, type Row, withConflict } from "./connection";
import type { Sync } from "./sync";

type UserPatch = Parameters<UserStore["update"]>[1];

const COLUMNS: Record<keyof UserPatch, string> = {
  role: "role",
  passwordHash: "password_hash",
  mustChangePassword: "must_change_password",
  disabledAt: "disabled_at",
  lastSignInAt: "last_sign_in_at",
};

export function createUserStore(connection: Connection): Sync<UserStore> {
  const { statement, now } = connection;
  const one = (row: Row | undefined) => (row ? toUser(row) : undefined);

  return {
    count: () => Number(statement("SELECT count(*) AS n FROM users").get()?.n ?? 0),
    list: () => statement("SELECT * FROM users ORDER BY username").all().map(toUser),
    findById: (id) => one(statement("SELECT * FROM users WHERE id = ?").get(id)),
    findByUsername: (username) => one(statement("SELECT * FROM users WHERE username = ?").get(username)),
    findBySubject: (provider, subject) =>
      one(statement("SELECT * FROM users WHERE provider = ? AND subject = ?").get(provider, subject)),

    create(user) {
      const at = now();
      const row = withConflict(`a user named ${user.username} already exists`, () =>
        statement(
          `INSERT INTO users (id, username, role, password_hash, must_change_password, created_at, updated_at,
             provider, subject)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        ).get(
          randomUUID(),
          user.username,
          user.role,
          user.passwordHash,
          user.mustChangePassword ? 1 : 0,
          at,
          at,
          user.provider ?? null,
          user.subject ?? null,
        ),
      );
      return toUser(row as Row);
    },

    update(id, patch) {
      const fields = (Object.keys(COLUMNS) as (keyof UserPatch)[]).filter((key) => patch[key] !== undefined);
      if (fields.length === 0) return one(statement("SELECT * FROM users WHERE id = ?").get(id));
      const values = fields.map((key) => {
        const value = patch[key];
        return typeof value === "boolean" ? (value ? 1 : 0) : (value ?? null);
      });
      // A sign-in is not a change to the account, so it leaves updatedAt alone.
      const changesAccount = fields.some((key) => key !== "lastSignInAt");
      const assignments = fields.map((key) => `${COLUMNS[key]} = ?`);
      if (changesAccount) assignments.push("updated_at = ?");
      // The SQL text depends only on which fields are set, so the cache holds a few dozen statements at most.
      const sql = `UPDATE users SET ${assignments.join(", ")} WHERE id = ? RETURNING *`;
      return one(statement(sql).get(...values, ...(changesAccount ? [now()] : []), id));
    },

    delete: (id) => Number(statement("DELETE FROM users WHERE id = ?").run(id).changes) > 0,
  };
}
