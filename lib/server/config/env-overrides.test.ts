import { describe, expect, it } from "vitest";

import { applyEnvOverrides, type EnvironmentVariables, readEnvOverrides } from "./env-overrides";

describe("readEnvOverrides", () => {
  it("maps double-underscore segments to camelCase keys and list indexes", () => {
    const { overrides, problems } = readEnvOverrides({
      CONSOLE__CLUSTERS__0__BOOTSTRAP_BROKERS: "a:9092,b:9092",
      CONSOLE__CLUSTERS__1__TLS__SERVERNAME: "kafka.internal",
      CONSOLE_CONFIG: "ignored.yaml",
      PATH: "/usr/bin",
    });
    expect(problems).toEqual([]);
    expect(overrides).toEqual([
      {
        variable: "CONSOLE__CLUSTERS__0__BOOTSTRAP_BROKERS",
        path: ["clusters", 0, "bootstrapBrokers"],
        value: "a:9092,b:9092",
      },
      {
        variable: "CONSOLE__CLUSTERS__1__TLS__SERVERNAME",
        path: ["clusters", 1, "tls", "servername"],
        value: "kafka.internal",
      },
    ]);
  });

  it("keeps scalars literal and parses values starting with [ or { as YAML flow", () => {
    const { overrides } = readEnvOverrides({
      CONSOLE__A: "0123",
      CONSOLE__B: "true",
      CONSOLE__C: "[a:9092, b:9092]",
      CONSOLE__D: "{ env: KAFKA_PASSWORD }",
    });
    expect(overrides.map(({ value }) => value)).toEqual([
      "0123",
      "true",
      ["a:9092", "b:9092"],
      { env: "KAFKA_PASSWORD" },
    ]);
  });

  it("orders list indexes numerically", () => {
    const env = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`CONSOLE__L__${index}`, "x"]));
    expect(readEnvOverrides(env).overrides.map(({ path }) => path[1])).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
  });

  it("reports malformed names and values without quoting the value", () => {
    const { overrides, problems } = readEnvOverrides({
      CONSOLE__CLUSTERS____NAME: "x",
      CONSOLE__CLUSTERS__0__SASL__PASSWORD: "[s3cret-value",
    });
    expect(overrides).toEqual([]);
    expect(problems).toEqual([
      { path: "CONSOLE__CLUSTERS____NAME", message: '"" is not a valid path segment (NAME or index)' },
      {
        path: "CONSOLE__CLUSTERS__0__SASL__PASSWORD",
        message: 'the value starts with "[" but is not a YAML flow list or mapping',
      },
    ]);
  });
});

describe("applyEnvOverrides", () => {
  const apply = (document: Record<string, unknown>, env: EnvironmentVariables) =>
    applyEnvOverrides(document, readEnvOverrides(env).overrides);

  it("replaces a nested field and creates missing sections and list entries", () => {
    const document = { clusters: [{ name: "local", tls: null }] };
    const problems = apply(document, {
      CONSOLE__CLUSTERS__0__TLS__CA: "pem",
      CONSOLE__CLUSTERS__1__NAME: "second",
      CONSOLE__CLUSTERS__1__SASL__USERNAME: "console",
    });
    expect(problems).toEqual([]);
    expect(document).toEqual({
      clusters: [
        { name: "local", tls: { ca: "pem" } },
        { name: "second", sasl: { username: "console" } },
      ],
    });
  });

  it("reports overrides that cannot be placed", () => {
    const document = { clusters: [{ name: "local" }] };
    const problems = apply(document, {
      CONSOLE__CLUSTERS__0__NAME__FIRST: "x",
      CONSOLE__CLUSTERS__NAME: "x",
      CONSOLE__CLUSTERS__5__NAME: "x",
    });
    expect(problems).toEqual([
      {
        path: "CONSOLE__CLUSTERS__0__NAME__FIRST",
        message: "cannot set clusters[0].name.first: clusters[0].name is a value, not a section or list",
      },
      {
        path: "CONSOLE__CLUSTERS__5__NAME",
        message: "cannot set clusters[5].name: clusters has 1 entry; the next index is 1",
      },
      {
        path: "CONSOLE__CLUSTERS__NAME",
        message: "cannot set clusters.name: clusters is a list; index it with a number",
      },
    ]);
    expect(document).toEqual({ clusters: [{ name: "local" }] });
  });

  it("never writes through inherited properties", () => {
    const document: Record<string, unknown> = {};
    expect(apply(document, { CONSOLE__CONSTRUCTOR__PROTOTYPE__POLLUTED: "yes" })).toEqual([]);
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(document).toEqual({ constructor: { prototype: { polluted: "yes" } } });
  });
});
