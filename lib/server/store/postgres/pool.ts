// The pg pool for a configured connection. Parts are passed one by one, never as a connection
// string: pg lets a string's (empty) password and TLS settings override the separate ones.
import pg from "pg";

import type { PostgresConnection } from "@/lib/schemas/store-config";

/** How long a request waits for a free connection (or a new one) before the store call fails. */
const CONNECT_TIMEOUT_MS = 10_000;

export function poolConfig(
  connection: Omit<PostgresConnection, "pool"> & { pool?: { max: number } },
): pg.PoolConfig {
  const { tls } = connection;
  return {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    ...(connection.password !== undefined && { password: connection.password }),
    ssl: tls
      ? {
          ...(tls.ca !== undefined && { ca: tls.ca }),
          ...(tls.cert !== undefined && { cert: tls.cert, key: tls.key }),
          rejectUnauthorized: tls.rejectUnauthorized,
          // verify-ca: the chain counts, the name in the certificate does not.
          ...(!tls.checkHostname && { checkServerIdentity: () => undefined }),
        }
      : false,
    max: connection.pool?.max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: "kafka-console",
  };
}

export function createPool(connection: PostgresConnection): pg.Pool {
  const pool = new pg.Pool(poolConfig(connection));
  // An idle connection the server drops (restart, fail-over) must not take the process down; the
  // pool opens a new one for the next query.
  pool.on("error", (error) => {
    console.warn(`The store's PostgreSQL connection was lost: ${error.message}`);
  });
  return pool;
}
