import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

import {
  CERTIFICATE,
  MINIMAL,
  PRIVATE_KEY,
  SECRET,
  configDir,
  load,
  problemLines,
  removeConfigDirs,
} from "@/test/fixtures/config-files";

import { formatConfigProblems, getConfig, loadConfig } from "./config";

afterAll(removeConfigDirs);
afterEach(() => vi.unstubAllEnvs());

describe("loadConfig", () => {
  it("loads a minimal config", () => {
    const path = configDir({ "console.config.yaml": MINIMAL });
    const dataDir = join(dirname(path), ".local/console");
    expect(loadConfig({ path, env: {} })).toEqual({
      ok: true,
      source: path,
      config: {
        clusters: [{ name: "local", bootstrapBrokers: ["127.0.0.1:9092"] }],
        server: {
          dataDir,
          storePath: join(dataDir, "console.db"),
          sessionSecret: undefined,
          sessionIdleMinutes: 30,
          sessionAbsoluteHours: 12,
          secureCookies: true,
          trustProxy: false,
          metrics: { public: false },
          store: { kind: "sqlite" },
        },
        ca: {
          import: undefined,
          keyEncryptionKey: undefined,
          defaultValidityDays: 90,
          maxValidityDays: 397,
          reservedNames: ["kafka-broker", "kafka-console"],
          subjectAltNames: { allowWildcards: false, allowIpAddresses: false, allowedDomains: [] },
          publicUrl: "http://127.0.0.1:3000",
        },
        messages: {
          previewBytes: 1024 * 1024,
          maxConcurrentSearches: { perUser: 5, perToken: 5 },
          fetchBytes: 2 * 1024 * 1024,
        },
        lagHistory: { enabled: true, intervalSeconds: 30, retentionDays: 7, timeLag: true, throughput: true },
        restProxy: { consumerIdleSeconds: 300, maxConsumersPerToken: 10, publicUrl: undefined },
        auth: { localAccounts: true, oidc: undefined },
      },
    });
  });

  it("caps concurrent searches per user and per token from the file or the environment, within bounds", () => {
    const yaml = `${MINIMAL}messages:\n  maxConcurrentSearches:\n    perUser: 2\n`;
    const path = configDir({ "console.config.yaml": yaml });
    const fromFile = loadConfig({ path, env: {} });
    expect(fromFile.ok && fromFile.config.messages.maxConcurrentSearches).toEqual({
      perUser: 2,
      perToken: 5,
    });
    const fromEnv = loadConfig({
      path,
      env: { CONSOLE__MESSAGES__MAX_CONCURRENT_SEARCHES__PER_TOKEN: "20" },
    });
    expect(fromEnv.ok && fromEnv.config.messages.maxConcurrentSearches).toEqual({ perUser: 2, perToken: 20 });
    const zero = loadConfig({ path, env: { CONSOLE__MESSAGES__MAX_CONCURRENT_SEARCHES__PER_USER: "0" } });
    expect(zero.ok ? [] : zero.problems.map((problem) => problem.path)).toEqual([
      "messages.maxConcurrentSearches.perUser",
    ]);
  });

  it("sets the message preview size from the file or CONSOLE__MESSAGES__PREVIEW_BYTES, within bounds", () => {
    const path = configDir({ "console.config.yaml": `${MINIMAL}messages:\n  previewBytes: 4096\n` });
    const fromFile = loadConfig({ path, env: {} });
    expect(fromFile.ok && fromFile.config.messages).toMatchObject({ previewBytes: 4096 });
    const fromEnv = loadConfig({ path, env: { CONSOLE__MESSAGES__PREVIEW_BYTES: "65536" } });
    expect(fromEnv.ok && fromEnv.config.messages).toMatchObject({ previewBytes: 65536 });
    const tooSmall = loadConfig({ path, env: { CONSOLE__MESSAGES__PREVIEW_BYTES: "10" } });
    expect(tooSmall.ok ? [] : tooSmall.problems.map((problem) => problem.path)).toEqual([
      "messages.previewBytes",
    ]);
  });

  it("resolves server paths and the session secret file against the config file's directory", () => {
    const yaml = `${MINIMAL}server:\n  dataDir: state\n  sessionSecret: { file: secrets/session }\n`;
    const path = configDir({ "console.config.yaml": yaml, "secrets/session": `${"s".repeat(40)}\n` });
    const result = loadConfig({ path, env: {} });
    expect(result.ok && result.config.server).toMatchObject({
      dataDir: join(dirname(path), "state"),
      storePath: join(dirname(path), "state", "console.db"),
      sessionSecret: "s".repeat(40),
    });
  });

  it("sets server settings from CONSOLE__SERVER__ variables and checks the secret's length", () => {
    const result = load(MINIMAL, {
      CONSOLE__SERVER__STORE_PATH: "/var/lib/console/console.db",
      CONSOLE__SERVER__SESSION_IDLE_MINUTES: "60",
      CONSOLE__SERVER__TRUST_PROXY: "true",
      CONSOLE__SERVER__SESSION_SECRET: "{ env: SESSION_SECRET }",
      SESSION_SECRET: "x".repeat(32),
    });
    expect(result.ok && result.config.server).toMatchObject({
      storePath: "/var/lib/console/console.db",
      sessionIdleMinutes: 60,
      trustProxy: true,
      sessionSecret: "x".repeat(32),
    });
    const short = load(MINIMAL, { CONSOLE__SERVER__SESSION_SECRET: SECRET });
    expect(problemLines(short)).toEqual([
      expect.stringMatching(
        /^server\.sessionSecret: the inline value is shorter than 32 characters .*\(set by CONSOLE__SERVER__SESSION_SECRET\)$/,
      ),
    ]);
    expect(short.ok || formatConfigProblems(short)).not.toContain(SECRET);
  });

  it("lists every problem at once, each with its field path", () => {
    const yaml = `
clusters:
  - name: Local_1
    bootstrapBrokers: [127.0.0.1, "b:9092"]
    tls: { ca: { file: ./certs/ca.pem }, cert: { file: ./certs/console.pem } }
    sasl: { mechanism: gssapi, username: console, password: { env: KAFKA_PASSWORD } }
`;
    const lines = problemLines(load(yaml));
    expect(lines).toEqual([
      "clusters[0].name: must be a url-safe slug: 1-63 lower-case letters, digits and dashes, not starting or ending with a dash",
      'clusters[0].bootstrapBrokers[0]: "127.0.0.1" is not host:port (e.g. broker-1.example.com:9092 or [::1]:9092)',
      expect.stringMatching(
        /^clusters\[0\]\.tls\.ca: file \.\/certs\/ca\.pem \(resolved to .*\/certs\/ca\.pem\) does not exist$/,
      ),
      expect.stringMatching(/^clusters\[0\]\.tls\.cert: file \.\/certs\/console\.pem .* does not exist$/),
      "clusters[0].tls.key: cert and key go together for client authentication",
      'clusters[0].sasl.mechanism: Invalid option: expected one of "plain"|"scram-sha-256"|"scram-sha-512"',
      "clusters[0].sasl.password: environment variable KAFKA_PASSWORD is not set",
    ]);
  });

  it("reads PEM files relative to the config file's directory, not the working directory", () => {
    const yaml = `${MINIMAL}    tls:\n      ca: { file: certs/ca.pem }\n      cert: { file: ./certs/console.pem }\n      key: { file: ./certs/console-key.pem }\n`;
    const files = {
      "certs/ca.pem": `${CERTIFICATE}\n`,
      "certs/console.pem": CERTIFICATE,
      "certs/console-key.pem": PRIVATE_KEY,
    };
    const result = load(yaml, {}, files);
    expect(result.ok && result.config.clusters[0]?.tls).toEqual({
      ca: CERTIFICATE,
      cert: CERTIFICATE,
      key: PRIVATE_KEY,
    });
  });

  it("reads secrets from environment variables", () => {
    const yaml = `${MINIMAL}    tls: { cert: { file: cert.pem }, key: { env: CONSOLE_KEY } }\n    sasl: { mechanism: scram-sha-512, username: console, password: { env: KAFKA_PASSWORD } }\n`;
    const result = load(
      yaml,
      { KAFKA_PASSWORD: SECRET, CONSOLE_KEY: PRIVATE_KEY },
      { "cert.pem": CERTIFICATE },
    );
    expect(result.ok && result.config.clusters[0]).toMatchObject({
      tls: { key: PRIVATE_KEY },
      sasl: { mechanism: "SCRAM-SHA-512", username: "console", password: SECRET },
    });
  });

  it("reports an unset environment variable at the field that names it", () => {
    const yaml = `${MINIMAL}    sasl: { mechanism: plain, username: console, password: { env: KAFKA_PASSWORD } }\n`;
    expect(problemLines(load(yaml))).toEqual([
      "clusters[0].sasl.password: environment variable KAFKA_PASSWORD is not set",
    ]);
  });

  it("applies CONSOLE__ overrides to a nested field and to a list", () => {
    const yaml = `${MINIMAL}    sasl: { mechanism: plain, username: console, password: from-file }\n`;
    const commaSeparated = load(yaml, {
      CONSOLE__CLUSTERS__0__SASL__PASSWORD: SECRET,
      CONSOLE__CLUSTERS__0__BOOTSTRAP_BROKERS: "a:9092,b:9092",
    });
    expect(commaSeparated.ok && commaSeparated.config.clusters[0]).toMatchObject({
      bootstrapBrokers: ["a:9092", "b:9092"],
      sasl: { password: SECRET },
    });
    const flowList = load(yaml, { CONSOLE__CLUSTERS__0__BOOTSTRAP_BROKERS: "[c:9092]" });
    expect(flowList.ok && flowList.config.clusters[0]?.bootstrapBrokers).toEqual(["c:9092"]);
  });

  it("names the environment variable behind a faulty override", () => {
    expect(problemLines(load(MINIMAL, { CONSOLE__CLUSTERS__0__BOOTSTRAP_BROKERS: "[nope]" }))).toEqual([
      'clusters[0].bootstrapBrokers[0]: "nope" is not host:port (e.g. broker-1.example.com:9092 or [::1]:9092) (set by CONSOLE__CLUSTERS__0__BOOTSTRAP_BROKERS)',
    ]);
  });

  it("rejects unknown keys, so typos do not pass silently", () => {
    const yaml = `${MINIMAL}    tsl: {}\nserverr: {}\nserver: { storPath: x }\n`;
    expect(problemLines(load(yaml))).toEqual([
      "clusters[0].tsl: unknown key",
      "server.storPath: unknown key",
      "serverr: unknown key",
    ]);
  });

  it("rejects duplicate cluster names", () => {
    const yaml = `${MINIMAL}  - name: local\n    bootstrapBrokers: [127.0.0.1:9093]\n`;
    expect(problemLines(load(yaml))).toEqual(['clusters[1].name: "local" is already clusters[0].name']);
  });

  it("never puts a secret value in a problem message", () => {
    const yaml = `
clusters:
  - name: local
    bootstrapBrokers: [127.0.0.1:9092]
    tls: { cert: { file: cert.pem }, key: "${SECRET}" }
    sasl: { mechanism: plain, username: console, password: [${SECRET}] }
  - name: file-secret
    bootstrapBrokers: [127.0.0.1:9092]
    tls: { cert: { file: cert.pem }, key: { file: secret.txt } }
`;
    const env = { CONSOLE__CLUSTERS__1__SASL__PASSWORD: `[${SECRET}`, CONSOLE__CLUSTERS__1__TLS__CA: SECRET };
    const result = load(yaml, env, { "cert.pem": CERTIFICATE, "secret.txt": SECRET });
    expect(problemLines(result)).toHaveLength(5);
    expect(result.ok || formatConfigProblems(result)).not.toContain(SECRET);

    const brokenYaml = load(`clusters:\n  - sasl: { password: "${SECRET}\n`);
    expect(problemLines(brokenYaml)[0]).toMatch(/^console\.config\.yaml:\d+:\d+: YAML syntax: /);
    expect(brokenYaml.ok || formatConfigProblems(brokenYaml)).not.toContain(SECRET);
  });

  it("reads the file named by CONSOLE_CONFIG and reports it when missing", () => {
    const path = configDir({ "console.config.yaml": MINIMAL });
    expect(loadConfig({ env: { CONSOLE_CONFIG: path } })).toMatchObject({ ok: true, source: path });
    const missing = join(dirname(path), "nope.yaml");
    expect(problemLines(loadConfig({ env: { CONSOLE_CONFIG: missing } }))).toEqual([
      `${missing}: does not exist; copy console.config.example.yaml to console.config.yaml, or point CONSOLE_CONFIG at your file`,
    ]);
  });

  it("runs from CONSOLE__ variables alone when the default file is absent", () => {
    vi.spyOn(process, "cwd").mockReturnValue(dirname(configDir({})));
    const result = loadConfig({
      env: { CONSOLE__CLUSTERS__0__NAME: "local", CONSOLE__CLUSTERS__0__BOOTSTRAP_BROKERS: "127.0.0.1:9092" },
    });
    vi.restoreAllMocks();
    expect(result).toMatchObject({ ok: true, config: { clusters: [{ name: "local" }] } });
    expect(result.source).toMatch(
      /^CONSOLE__\* environment variables \(no file at .*console\.config\.yaml\)$/,
    );
  });
});

describe("formatConfigProblems", () => {
  it("names the source and lists one problem per line", () => {
    const text = formatConfigProblems({
      ok: false,
      source: "/etc/console.yaml",
      problems: [
        { path: "clusters[0].name", message: "is required" },
        { path: "serverr", message: "unknown key" },
      ],
    });
    expect(text.split("\n")).toEqual([
      "Invalid console configuration from /etc/console.yaml (2 problems):",
      "  - clusters[0].name: is required",
      "  - serverr: unknown key",
      expect.stringContaining("Nothing starts"),
    ]);
  });
});

describe("getConfig", () => {
  it("throws the formatted problems while invalid, then loads once and caches", () => {
    const path = configDir({ "console.config.yaml": "clusters: []\n" });
    vi.stubEnv("CONSOLE_CONFIG", path);
    expect(() => getConfig()).toThrow(/clusters: configure at least one cluster/);

    writeFileSync(path, MINIMAL);
    const config = getConfig();
    expect(config.clusters.map(({ name }) => name)).toEqual(["local"]);
    writeFileSync(path, "clusters: []\n");
    expect(getConfig()).toBe(config);
  });
});
