import { posix } from "node:path";

import { describe, expect, it } from "vitest";

import {
  clusterNameSchema,
  consoleConfigSchema,
  isBrokerAddress,
  type PathResolver,
  type ValueResolver,
} from "./config";

const CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUb3Jk\n-----END CERTIFICATE-----\n";
const PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEG\n-----END PRIVATE KEY-----\n";

// Files and variables are the server's business; here a reference resolves to a fixed table.
const SESSION_SECRET = "0123456789abcdef0123456789abcdef";
const values: Record<string, string> = {
  "ca.pem": CERTIFICATE,
  KAFKA_PASSWORD: "from-env",
  SESSION_SECRET,
  SHORT_SECRET: "too-short-to-seal-anything",
};
const resolveFromTable: ValueResolver = (reference) => {
  const key = "file" in reference ? reference.file : reference.env;
  const value = values[key];
  return value === undefined ? { ok: false, message: `${key} is missing` } : { ok: true, value };
};
const resolvePath: PathResolver = (...segments) => posix.resolve("/etc/console", ...segments);
const schema = consoleConfigSchema(resolveFromTable, resolvePath);

function problemsOf(input: unknown) {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("isBrokerAddress", () => {
  it.each(["localhost:9092", "127.0.0.1:9092", "broker-1.kafka.example.com:19093", "[::1]:9092", "b:1"])(
    "accepts %s",
    (address) => expect(isBrokerAddress(address)).toBe(true),
  );
  it.each([
    "localhost",
    "localhost:",
    ":9092",
    "host:0",
    "host:65536",
    "bad host:9092",
    "-a:9092",
    "::1:9092",
  ])("rejects %s", (address) => expect(isBrokerAddress(address)).toBe(false));
});

describe("clusterNameSchema", () => {
  it.each(["local", "prod-eu-1", "a"])("accepts %s", (name) =>
    expect(clusterNameSchema.safeParse(name).success).toBe(true),
  );
  it.each(["Local", "prod_eu", "-a", "a-", "a/b", "", "x".repeat(64)])("rejects %j", (name) =>
    expect(clusterNameSchema.safeParse(name).success).toBe(false),
  );
});

describe("consoleConfigSchema", () => {
  it("resolves sources, splits comma-separated brokers and spells mechanisms as the Kafka client does", () => {
    const parsed = schema.parse({
      clusters: [
        {
          name: "local",
          bootstrapBrokers: "a:9092, b:9092",
          tls: { ca: { file: "ca.pem" }, cert: CERTIFICATE, key: PRIVATE_KEY, servername: "kafka" },
          sasl: { mechanism: "scram-sha-512", username: "console", password: { env: "KAFKA_PASSWORD" } },
        },
      ],
    });
    expect(parsed.clusters[0]).toEqual({
      name: "local",
      bootstrapBrokers: ["a:9092", "b:9092"],
      tls: { ca: CERTIFICATE, cert: CERTIFICATE, key: PRIVATE_KEY, servername: "kafka" },
      sasl: { mechanism: "SCRAM-SHA-512", username: "console", password: "from-env" },
    });
    expect(parsed.server).toEqual({
      dataDir: "/etc/console/.local/console",
      storePath: "/etc/console/.local/console/console.db",
      sessionSecret: undefined,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      secureCookies: true,
      trustProxy: false,
      metrics: { public: false },
      store: { kind: "sqlite" },
    });
  });

  it("takes a defaultCluster only when it names a configured cluster", () => {
    const clusters = [
      { name: "a", bootstrapBrokers: ["a:1"] },
      { name: "b", bootstrapBrokers: ["b:1"] },
    ];
    expect(schema.parse({ clusters, defaultCluster: "b" }).defaultCluster).toBe("b");
    expect(schema.parse({ clusters }).defaultCluster).toBeUndefined();
    expect(problemsOf({ clusters, defaultCluster: "c" })).toEqual([
      'defaultCluster: "c" is not a configured cluster (a, b)',
    ]);
  });

  it("accepts mechanisms in upper case too", () => {
    const cluster = {
      name: "a",
      bootstrapBrokers: ["a:1"],
      sasl: { mechanism: "PLAIN", username: "u", password: "p" },
    };
    expect(schema.parse({ clusters: [cluster] }).clusters[0]?.sasl?.mechanism).toBe("PLAIN");
  });

  it("checks PEM headers and tells an inline value from a file reference", () => {
    const tls = { ca: "./certs/ca.pem", cert: PRIVATE_KEY, key: CERTIFICATE };
    expect(problemsOf({ clusters: [{ name: "a", bootstrapBrokers: ["a:1"], tls }] })).toEqual([
      "clusters.0.tls.ca: the inline value does not contain a PEM certificate (-----BEGIN CERTIFICATE-----); to read a file, write { file: path }",
      "clusters.0.tls.cert: the inline value does not contain a PEM certificate (-----BEGIN CERTIFICATE-----); to read a file, write { file: path }",
      "clusters.0.tls.key: the inline value does not contain a PEM private key (-----BEGIN PRIVATE KEY-----); to read a file, write { file: path }",
    ]);
  });

  it("accepts RSA and EC keys but rejects encrypted ones", () => {
    const tlsWithKey = (key: string) => ({
      clusters: [{ name: "a", bootstrapBrokers: ["a:1"], tls: { cert: CERTIFICATE, key } }],
    });
    const rsa = PRIVATE_KEY.replaceAll("PRIVATE KEY", "RSA PRIVATE KEY");
    const ec = PRIVATE_KEY.replaceAll("PRIVATE KEY", "EC PRIVATE KEY");
    expect(problemsOf(tlsWithKey(rsa))).toEqual([]);
    expect(problemsOf(tlsWithKey(ec))).toEqual([]);
    expect(problemsOf(tlsWithKey(PRIVATE_KEY.replaceAll("PRIVATE KEY", "ENCRYPTED PRIVATE KEY")))).toEqual([
      "clusters.0.tls.key: the inline value holds an encrypted private key; the console needs it unencrypted (passphrases are not supported); to read a file, write { file: path }",
    ]);
  });

  it("requires cert and key together, even when another field is invalid", () => {
    const tls = { ca: { file: "missing.pem" }, cert: CERTIFICATE };
    expect(problemsOf({ clusters: [{ name: "a", bootstrapBrokers: ["a:1"], tls }] })).toEqual([
      "clusters.0.tls.ca: missing.pem is missing",
      "clusters.0.tls.key: cert and key go together for client authentication",
    ]);
  });

  it("reports empty values and malformed sources without quoting them", () => {
    const sasl = { mechanism: "plain", username: "u", password: "" };
    const tls = { ca: { path: "ca.pem" } };
    expect(problemsOf({ clusters: [{ name: "a", bootstrapBrokers: ["a:1"], sasl, tls }] })).toEqual([
      "clusters.0.tls.ca: expected a string, { file: path } or { env: VAR_NAME }",
      "clusters.0.sasl.password: the inline value is empty",
    ]);
    const numericPassword = { mechanism: "plain", username: "u", password: 12345678 };
    expect(
      problemsOf({ clusters: [{ name: "a", bootstrapBrokers: ["a:1"], sasl: numericPassword }] }),
    ).toEqual([
      "clusters.0.sasl.password: YAML reads this as a number or boolean; quote it to make it a string",
    ]);
  });

  it("requires at least one cluster and one broker", () => {
    expect(problemsOf({ clusters: [] })).toEqual(["clusters: configure at least one cluster"]);
    expect(problemsOf({ clusters: [{ name: "a", bootstrapBrokers: " , " }] })).toEqual([
      "clusters.0.bootstrapBrokers: list at least one broker as host:port",
    ]);
  });

  it("reports duplicate names alongside the other clusters' problems", () => {
    // A missing file or a wrong type aborts zod's own refinements; the duplicate must still be reported.
    const clusters = [
      { name: "a", bootstrapBrokers: ["a:1"] },
      { name: "a", bootstrapBrokers: ["a:1"], tls: { ca: { file: "missing.pem" } }, sasl: 5 },
    ];
    expect(problemsOf({ clusters })).toEqual([
      "clusters.1.tls.ca: missing.pem is missing",
      "clusters.1.sasl: Invalid input: expected object, received number",
      'clusters.1.name: "a" is already clusters[0].name',
    ]);
  });
});

describe("server settings", () => {
  const CLUSTERS = [{ name: "a", bootstrapBrokers: ["a:1"] }];
  const serverOf = (server: unknown) => schema.parse({ clusters: CLUSTERS, server }).server;
  const serverProblems = (server: unknown) => problemsOf({ clusters: CLUSTERS, server });

  it("resolves relative paths against the config file's directory; storePath defaults into dataDir", () => {
    expect(serverOf({ dataDir: "state" })).toMatchObject({
      dataDir: "/etc/console/state",
      storePath: "/etc/console/state/console.db",
    });
    expect(serverOf({ dataDir: "/var/lib/console", storePath: "../db/console.sqlite" })).toMatchObject({
      dataDir: "/var/lib/console",
      storePath: "/etc/db/console.sqlite",
    });
  });

  it("reads the session secret from a file, a variable or inline, and requires 32 characters", () => {
    expect(serverOf({ sessionSecret: { env: "SESSION_SECRET" } }).sessionSecret).toBe(SESSION_SECRET);
    expect(serverOf({ sessionSecret: SESSION_SECRET }).sessionSecret).toBe(SESSION_SECRET);
    expect(serverProblems({ sessionSecret: { env: "SHORT_SECRET" } })).toEqual([
      "server.sessionSecret: environment variable SHORT_SECRET is shorter than 32 characters (generate one with: openssl rand -base64 48)",
    ]);
    expect(serverProblems({ sessionSecret: { file: "secret" } })).toEqual([
      "server.sessionSecret: secret is missing",
    ]);
    expect(serverProblems({ sessionSecret: "tiny" }).join("\n")).not.toContain("tiny");
  });

  it("takes numbers and booleans as YAML writes them or as environment overrides spell them", () => {
    const settings = {
      sessionIdleMinutes: "15",
      sessionAbsoluteHours: 8,
      secureCookies: "false",
      trustProxy: true,
      metrics: { public: "true" },
    };
    expect(serverOf(settings)).toMatchObject({
      sessionIdleMinutes: 15,
      sessionAbsoluteHours: 8,
      secureCookies: false,
      trustProxy: true,
      metrics: { public: true },
    });
  });

  it("rejects out-of-range durations, non-booleans and unknown keys", () => {
    expect(
      serverProblems({
        sessionIdleMinutes: 0,
        sessionAbsoluteHours: "1.5",
        secureCookies: "yes",
        storePth: "x",
      }),
    ).toEqual([
      "server.sessionIdleMinutes: must be at least 1",
      "server.sessionAbsoluteHours: expected a whole number",
      "server.secureCookies: expected true or false",
      'server: Unrecognized key: "storePth"',
    ]);
  });
});

describe("the CA's SAN policy (ca.subjectAltNames)", () => {
  const CLUSTERS = [{ name: "a", bootstrapBrokers: ["a:1"] }];
  const sansOf = (subjectAltNames: unknown) =>
    schema.parse({ clusters: CLUSTERS, ca: { subjectAltNames } }).ca.subjectAltNames;

  it("refuses wildcards and IP addresses and allows any domain unless configured", () => {
    expect(sansOf(undefined)).toEqual({ allowWildcards: false, allowIpAddresses: false, allowedDomains: [] });
  });

  it("takes domains with or without a leading dot, in any case, and refuses patterns", () => {
    expect(sansOf({ allowWildcards: "true", allowedDomains: [".Example.com", "kafka.internal."] })).toEqual({
      allowWildcards: true,
      allowIpAddresses: false,
      allowedDomains: ["example.com", "kafka.internal"],
    });
    expect(
      problemsOf({ clusters: CLUSTERS, ca: { subjectAltNames: { allowedDomains: ["*.example.com"] } } }),
    ).toEqual(["ca.subjectAltNames.allowedDomains.0: must be a domain such as example.com, without '*'"]);
    expect(problemsOf({ clusters: CLUSTERS, ca: { subjectAltNames: { allowIps: true } } })).toHaveLength(1);
  });
});
