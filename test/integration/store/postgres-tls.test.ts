// The PostgreSQL store over TLS, configured as server.store's tls or the URL's sslmode, against a
// real server whose certificate a throwaway CA signed.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PostgresConnection } from "@/lib/schemas/store-config";
import { openPostgresStore } from "@/lib/server/store/postgres/open-postgres-store";
import { poolConfig } from "@/lib/server/store/postgres/pool";
import { startTestPostgres, type TestPostgres } from "@/test/support/postgres";
import { testConnection } from "@/test/support/store-implementations";

let postgres: TestPostgres;
let url: string;
beforeAll(async () => {
  postgres = await startTestPostgres({ tls: true });
  url = await postgres.createDatabase();
});
afterAll(async () => {
  await postgres?.stop();
});

/** Whether the server sees this connection encrypted. */
async function encrypted(connection: PostgresConnection): Promise<boolean> {
  const client = new pg.Client(poolConfig(connection));
  await client.connect();
  try {
    const { rows } = await client.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
    return rows[0]?.ssl === true;
  } finally {
    await client.end();
  }
}

describe("PostgreSQL store over TLS", () => {
  it("verifies the server's certificate and name with tls.ca, and encrypts", async () => {
    const connection = {
      ...testConnection(url),
      tls: { ca: postgres.caPem, rejectUnauthorized: true, checkHostname: true },
    };
    expect(await encrypted(connection)).toBe(true);
    const store = await openPostgresStore({ connection });
    try {
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
    expect(await encrypted(testConnection(url))).toBe(false);
  });

  it("refuses a server its CA does not vouch for, and encrypts unverified with sslmode=require", async () => {
    const untrusted = { ...testConnection(url), tls: { rejectUnauthorized: true, checkHostname: true } };
    await expect(openPostgresStore({ connection: untrusted })).rejects.toThrow(
      /self.signed|unable to verify|certificate/i,
    );
    expect(await encrypted(testConnection(`${url}?sslmode=require`))).toBe(true);
  });
});
