import { describe, expect, it } from "vitest";

import { configEntries } from "./config-entries";

describe("configEntries", () => {
  it("names sources and types, finds the value a reset leads to, and drops sensitive values", () => {
    const entries = configEntries(
      [
        {
          name: "retention.ms",
          value: "3600000",
          readOnly: false,
          configSource: 1,
          isSensitive: false,
          configType: 5,
          documentation: "How long to keep. ",
          synonyms: [
            { name: "retention.ms", value: "3600000", source: 1 },
            { name: "log.retention.ms", value: "86400000", source: 4 },
            { name: "log.retention.hours", value: "168", source: 5 },
          ],
        },
        {
          name: "cleanup.policy",
          value: "delete",
          readOnly: false,
          configSource: 5,
          isSensitive: false,
          configType: 7,
          documentation: null,
          synonyms: [{ name: "log.cleanup.policy", value: "delete", source: 5 }],
        },
        {
          name: "ssl.key.password",
          value: "leaked?",
          readOnly: true,
          configSource: 4,
          isSensitive: true,
          configType: 9,
          synonyms: [],
        },
      ],
      "topic",
    );
    expect(entries.map((entry) => entry.name)).toEqual([
      "cleanup.policy",
      "retention.ms",
      "ssl.key.password",
    ]);
    expect(entries[1]).toMatchObject({
      source: "dynamic-topic",
      type: "long",
      documentation: "How long to keep.",
      defaultValue: "86400000",
      defaultSource: "static-broker",
    });
    expect(entries[0]).toMatchObject({
      source: "default",
      type: "list",
      documentation: null,
      defaultValue: "delete",
    });
    expect(entries[2]).toMatchObject({ value: null, defaultValue: null, sensitive: true, readOnly: true });
  });

  it("reads a broker's own values against its static file and the cluster default", () => {
    const [entry] = configEntries(
      [
        {
          name: "log.retention.ms",
          value: "1000",
          readOnly: false,
          configSource: 2,
          isSensitive: false,
          configType: 5,
          synonyms: [
            { name: "log.retention.ms", value: "1000", source: 2 },
            { name: "log.retention.ms", value: "2000", source: 3 },
          ],
        },
      ],
      "broker",
    );
    expect(entry).toMatchObject({
      source: "dynamic-broker",
      defaultValue: "2000",
      defaultSource: "dynamic-default-broker",
    });
  });
});
