import { describe, expect, it } from "vitest";

import { poolConfig } from "./pool";

const connection = { host: "db", port: 5432, database: "console", user: "kc", pool: { max: 7 } };

describe("poolConfig", () => {
  it("passes the parts one by one, with the pool's size, and no TLS unless asked", () => {
    expect(poolConfig({ ...connection, password: "pw" })).toMatchObject({
      host: "db",
      port: 5432,
      database: "console",
      user: "kc",
      password: "pw",
      ssl: false,
      max: 7,
    });
    expect(poolConfig(connection)).not.toHaveProperty("password");
    expect(poolConfig(connection)).not.toHaveProperty("connectionString");
  });

  it("checks the chain and the name (verify-full), the chain only (verify-ca), or nothing (require)", () => {
    const full = poolConfig({
      ...connection,
      tls: { ca: "CA", rejectUnauthorized: true, checkHostname: true },
    });
    expect(full.ssl).toEqual({ ca: "CA", rejectUnauthorized: true });
    const chainOnly = poolConfig({ ...connection, tls: { rejectUnauthorized: true, checkHostname: false } });
    expect(chainOnly.ssl).toMatchObject({
      rejectUnauthorized: true,
      checkServerIdentity: expect.any(Function),
    });
    const unverified = poolConfig({
      ...connection,
      tls: { cert: "C", key: "K", rejectUnauthorized: false, checkHostname: false },
    });
    expect(unverified.ssl).toMatchObject({ cert: "C", key: "K", rejectUnauthorized: false });
  });
});
