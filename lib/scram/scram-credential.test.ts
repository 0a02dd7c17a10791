import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";

import { scramUpsertSchema } from "@/lib/schemas/scram-users";

import { generateScramPassword, mechanismName, saltedPassword, scramCredential } from "./scram-credential";

type Hash = "sha1" | "sha256";

/** The client proof of RFC 5802 §3 from a SaltedPassword: what a server checks, so what the vectors give. */
function clientProof(hash: Hash, salted: Buffer, authMessage: string): string {
  const clientKey = createHmac(hash, salted).update("Client Key").digest();
  const storedKey = createHash(hash).update(clientKey).digest();
  const signature = createHmac(hash, storedKey).update(authMessage).digest();
  return Buffer.from(clientKey.map((byte, index) => byte ^ signature[index]!)).toString("base64");
}

function serverSignature(hash: Hash, salted: Buffer, authMessage: string): string {
  const serverKey = createHmac(hash, salted).update("Server Key").digest();
  return createHmac(hash, serverKey).update(authMessage).digest("base64");
}

const vectors = [
  {
    rfc: "RFC 5802 §5 (SCRAM-SHA-1)",
    hash: "sha1" as const,
    salt: "QSXCR+Q6sek8bf92",
    clientNonce: "fyko+d2lbbFgONRv9qkxdawL",
    nonce: "fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j",
    proof: "v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
    server: "rmF9pqV8S7suAoZWja4dJRkFsKQ=",
  },
  {
    rfc: "RFC 7677 §3 (SCRAM-SHA-256)",
    hash: "sha256" as const,
    salt: "W22ZaJ0SNY7soEsUEjb6gQ==",
    clientNonce: "rOprNGfwEbeRWgbNEkqO",
    nonce: "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
    proof: "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
    server: "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
  },
];

describe("saltedPassword", () => {
  it.each(vectors)("gives the proof and server signature of $rfc", (vector) => {
    const salted = saltedPassword(vector.hash, "pencil", Buffer.from(vector.salt, "base64"), 4096);
    const authMessage = [
      `n=user,r=${vector.clientNonce}`,
      `r=${vector.nonce},s=${vector.salt},i=4096`,
      `c=biws,r=${vector.nonce}`,
    ].join(",");
    expect(clientProof(vector.hash, salted, authMessage)).toBe(vector.proof);
    expect(serverSignature(vector.hash, salted, authMessage)).toBe(vector.server);
  });

  it("changes with the salt and the iterations", () => {
    const salt = Buffer.alloc(32, 1);
    const base = saltedPassword("sha256", "pencil", salt, 4096);
    expect(saltedPassword("sha256", "pencil", Buffer.alloc(32, 2), 4096)).not.toEqual(base);
    expect(saltedPassword("sha256", "pencil", salt, 4097)).not.toEqual(base);
  });
});

describe("scramCredential", () => {
  it("salts randomly with the hash's length and keeps the iterations", () => {
    const first = scramCredential("SCRAM-SHA-512", "secret-password", 8192);
    const second = scramCredential("SCRAM-SHA-512", "secret-password", 8192);
    expect(first.salt).toHaveLength(64);
    expect(first.saltedPassword).toHaveLength(64);
    expect(first.iterations).toBe(8192);
    expect(first.salt).not.toEqual(second.salt);
    expect(first.saltedPassword).toEqual(saltedPassword("sha512", "secret-password", first.salt, 8192));
    expect(scramCredential("SCRAM-SHA-256", "x", 4096).saltedPassword).toHaveLength(32);
  });

  it("names Kafka's mechanism codes", () => {
    expect([1, 2, 0].map(mechanismName)).toEqual(["SCRAM-SHA-256", "SCRAM-SHA-512", "UNKNOWN"]);
  });

  it("generates distinct 32-character passwords", () => {
    const password = generateScramPassword();
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(generateScramPassword()).not.toBe(password);
  });
});

describe("scramUpsertSchema", () => {
  it("generates when no password is given, and defaults to 8192 iterations", () => {
    expect(scramUpsertSchema.parse({ user: " alice ", mechanism: "SCRAM-SHA-256" })).toEqual({
      user: "alice",
      mechanism: "SCRAM-SHA-256",
      iterations: 8192,
      password: undefined,
    });
  });

  it("takes a typed password and iterations from a form's strings", () => {
    const parsed = scramUpsertSchema.parse({
      user: "bob",
      mechanism: "SCRAM-SHA-512",
      iterations: "4096",
      passwordMode: "type",
      password: "correct horse",
    });
    expect(parsed).toMatchObject({ iterations: 4096, password: "correct horse" });
  });

  it("ignores a password when asked to generate", () => {
    const parsed = scramUpsertSchema.parse({
      user: "bob",
      mechanism: "SCRAM-SHA-512",
      passwordMode: "generate",
      password: "whatever-typed",
    });
    expect(parsed.password).toBeUndefined();
  });

  it("refuses Kafka's out-of-range iterations, short passwords and control characters, never echoing the password", () => {
    const result = scramUpsertSchema.safeParse({
      user: "a\nb",
      mechanism: "SCRAM-SHA-1",
      iterations: 4095,
      passwordMode: "type",
      password: "short",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["user", "mechanism", "iterations"]));
    expect(JSON.stringify(result.error!.issues)).not.toContain("short");
    expect(
      scramUpsertSchema.safeParse({ user: "a", mechanism: "SCRAM-SHA-256", iterations: 16385 }).success,
    ).toBe(false);
    const typedShort = scramUpsertSchema.safeParse({
      user: "a",
      mechanism: "SCRAM-SHA-256",
      passwordMode: "type",
      password: "short",
    });
    expect(typedShort.error?.issues.map((issue) => issue.path.join("."))).toEqual(["password"]);
  });
});
