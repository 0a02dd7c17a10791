import { randomUUID } from "node:crypto";

import type { UserStore } from "../types";
import { toUser } from "../rows";
import { changed, type Database, numeric, one, insertOrConflict } from "./connection";

type UserPatch = Parameters<UserStore["update"]>[1];

const COLUMNS: Record<keyof UserPatch, string> = {
  role: "role",
  passwordHash: "password_hash",
  mustChangePassword: "must_change_password",
  disabledAt: "disabled_at",
  lastSignInAt: "last_sign_in_at",
};

export function createUserStore(db: Database): UserStore {
  const find = async (sql: string, values: unknown[]) => {
    const row = await one(db, sql, values);
    return row ? toUser(row) : undefined;
  };

  return {
    count: async () => numeric((await one(db, "SELECT count(*) AS n FROM users"))!, "n"),
    list: async () => (await db.query("SELECT * FROM users ORDER BY username")).rows.map(toUser),
    findById: (id) => find("SELECT * FROM users WHERE id = $1", [id]),
    findByUsername: (username) => find("SELECT * FROM users WHERE username = $1", [username]),
    findBySubject: (provider, subject) =>
      find("SELECT * FROM users WHERE provider = $1 AND subject = $2", [provider, subject]),

    async create(user) {
      const at = db.now();
      const row = await insertOrConflict(
        db,
        `a user named ${user.username} already exists`,
        `INSERT INTO users (id, username, role, password_hash, must_change_password, created_at, updated_at,
             provider, subject)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          randomUUID(),
          user.username,
          user.role,
          user.passwordHash,
          user.mustChangePassword,
          at,
          at,
          user.provider ?? null,
          user.subject ?? null,
        ],
      );
      return toUser(row);
    },

    async update(id, patch) {
      const fields = (Object.keys(COLUMNS) as (keyof UserPatch)[]).filter((key) => patch[key] !== undefined);
      if (fields.length === 0) return find("SELECT * FROM users WHERE id = $1", [id]);
      const values: unknown[] = fields.map((key) => patch[key] ?? null);
      const assignments = fields.map((key, index) => `${COLUMNS[key]} = $${index + 1}`);
      // A sign-in is not a change to the account, so it leaves updatedAt alone.
      if (fields.some((key) => key !== "lastSignInAt")) {
        values.push(db.now());
        assignments.push(`updated_at = $${values.length}`);
      }
      values.push(id);
      return find(
        `UPDATE users SET ${assignments.join(", ")} WHERE id = $${values.length} RETURNING *`,
        values,
      );
    },

    delete: async (id) => (await changed(db, "DELETE FROM users WHERE id = $1", [id])) > 0,
  };
}
