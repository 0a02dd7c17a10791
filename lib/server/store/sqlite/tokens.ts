import { newApiTokenId } from "../ids";
import type { ApiTokenStore } from "../types";
import { toToken } from "../rows";
import { type Connection, type Row, withConflict } from "./connection";
import type { Sync } from "./sync";

export function createApiTokenStore({ statement, now }: Connection): Sync<ApiTokenStore> {
  const one = (row: Row | undefined) => (row ? toToken(row) : undefined);
  return {
    create(token) {
      const row = withConflict("an API token with this id already exists", () =>
        statement(
          `INSERT INTO api_tokens (id, name, role, secret_hash, created_by, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        ).get(
          token.id ?? newApiTokenId(),
          token.name,
          token.role,
          token.secretHash,
          token.createdBy,
          now(),
          token.expiresAt,
        ),
      );
      return toToken(row as Row);
    },

    find: (id) => one(statement("SELECT * FROM api_tokens WHERE id = ?").get(id)),
    list: () => statement("SELECT * FROM api_tokens ORDER BY created_at DESC, id").all().map(toToken),

    // Revoking twice keeps the first revocation's time.
    revoke: (id, at) =>
      one(
        statement("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? RETURNING *").get(
          at,
          id,
        ),
      ),

    touch(id, at) {
      statement("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").run(at, id);
    },
  };
}
