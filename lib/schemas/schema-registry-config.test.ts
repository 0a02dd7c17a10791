import { describe, expect, it } from "vitest";

import type { ValueResolver } from "./config-values";
import { schemaRegistrySchema } from "./schema-registry-config";

const CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUb3Jk\n-----END CERTIFICATE-----\n";
const PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEG\n-----END PRIVATE KEY-----\n";
const values: Record<string, string> = {
  "ca.pem": CERTIFICATE,
  "client.pem": CERTIFICATE,
  "client-key.pem": PRIVATE_KEY,
  REGISTRY_PASSWORD: "s3cret-from-env",
  REGISTRY_TOKEN: "token-from-env",
};
const resolve: ValueResolver = (reference) => {
  const key = "file" in reference ? reference.file : reference.env;
  const value = values[key];
  return value === undefined ? { ok: false, message: `${key} is missing` } : { ok: true, value };
};
const schema = schemaRegistrySchema(resolve);

function problemsOf(input: unknown) {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("schemaRegistrySchema", () => {
  it("takes a URL alone, trailing slashes removed", () => {
    expect(schema.parse({ url: "http://127.0.0.1:8081/apis/ccompat/v7/" })).toEqual({
      url: "http://127.0.0.1:8081/apis/ccompat/v7",
    });
  });

  it("resolves basic and bearer secrets from their sources", () => {
    expect(
      schema.parse({
        url: "https://registry.example.com",
        auth: { basic: { username: "console", password: { env: "REGISTRY_PASSWORD" } } },
      }).auth,
    ).toEqual({ kind: "basic", username: "console", password: "s3cret-from-env" });
    expect(
      schema.parse({
        url: "https://registry.example.com",
        auth: { bearer: { token: { env: "REGISTRY_TOKEN" } } },
      }).auth,
    ).toEqual({ kind: "bearer", token: "token-from-env" });
  });

  it("resolves TLS material and wants cert and key together, over https", () => {
    expect(
      schema.parse({
        url: "https://registry.example.com",
        tls: { ca: { file: "ca.pem" }, cert: { file: "client.pem" }, key: { file: "client-key.pem" } },
      }).tls,
    ).toEqual({ ca: CERTIFICATE, cert: CERTIFICATE, key: PRIVATE_KEY });
    expect(problemsOf({ url: "https://r.example.com", tls: { cert: { file: "client.pem" } } })).toEqual([
      "tls.key: cert and key go together for client authentication",
    ]);
    expect(problemsOf({ url: "http://r.example.com", tls: { ca: { file: "ca.pem" } } })).toEqual([
      "tls: needs an https url",
    ]);
  });

  it("refuses bad URLs, credentials in the URL and unknown auth, never echoing a secret", () => {
    expect(problemsOf({ url: "registry:8081" })).toEqual(["url: must be an http or https URL"]);
    expect(problemsOf({ url: "not a url" })).toEqual([
      "url: is not a URL (e.g. https://registry.example.com:8081)",
    ]);
    const withCredentials = problemsOf({ url: "https://user:hunter2@registry.example.com" });
    expect(withCredentials).toEqual(["url: must not carry credentials; use auth.basic instead"]);
    expect(withCredentials.join()).not.toContain("hunter2");
    expect(problemsOf({ url: "https://r.example.com", auth: {} })).toEqual([
      "auth: expected { basic: { username, password } } or { bearer: { token } }",
    ]);
    const missing = problemsOf({
      url: "https://r.example.com",
      auth: { basic: { username: "u", password: { env: "NOPE" } } },
    });
    expect(missing).toEqual(["auth.basic.password: NOPE is missing"]);
  });
});
