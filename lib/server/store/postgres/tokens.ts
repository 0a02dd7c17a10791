import { newApiTokenId } from "../ids";
import type { ApiTokenStore } from "../types";
import { toToken } from "../rows";
import { type Database, one, insertOrConflict } from "./connection";

export function createApiTokenStore(db: Database): ApiTokenStore {
  const find = async (sql: string, values: unknown[]) => {
    const row = await one(db, sql, values);
    return row ? toToken(row) : undefined;
  };
  return {
    async create(token) {
      const row = await insertOrConflict(
        db,
        "an API token with this id already exists",
        `INSERT INTO api_tokens (id, name, role, secret_hash, created_by, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          token.id ?? newApiTokenId(),
          token.name,
          token.role,
          token.secretHash,
          token.createdBy,
          db.now(),
          token.expiresAt,
        ],
      );
      return toToken(row);
    },

    find: (id) => find("SELECT * FROM api_tokens WHERE id = $1", [id]),
    list: async () =>
      (await db.query("SELECT * FROM api_tokens ORDER BY created_at DESC, id")).rows.map(toToken),

    // Revoking twice keeps the first revocation's time.
    revoke: (id, at) =>
      find("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2 RETURNING *", [at, id]),

    async touch(id, at) {
      await db.query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2", [at, id]);
    },
  };
}
