import { describe, expect, it } from "vitest";

import type { FinalizedFeature } from "@/lib/schemas/cluster";
import { CLIENT_ONLY_GATEWAY, KAFKA_3_7, KAFKA_3_9, KAFKA_4_3 } from "@/test/fixtures/api-versions";

import { describeKafkaVersion, kafkaReleaseAtLeast, metadataVersionLevel } from "./kafka-version";

const named = (ranges: { apiKey: number; minVersion: number; maxVersion: number }[]) =>
  ranges.map((range) => ({ ...range, name: `api-${range.apiKey}` }));

const metadataVersion = (level: number): FinalizedFeature[] => [
  { name: "group.version", minVersionLevel: 1, maxVersionLevel: 1 },
  { name: "kraft.version", minVersionLevel: 1, maxVersionLevel: 1 },
  { name: "metadata.version", minVersionLevel: level, maxVersionLevel: level },
];

const labelOf = (...args: Parameters<typeof describeKafkaVersion>) => describeKafkaVersion(...args).label;

describe("kafkaReleaseAtLeast", () => {
  it("reads each real broker's release from its ApiVersions answer", () => {
    expect(kafkaReleaseAtLeast(named(KAFKA_3_7))).toBe("3.7");
    expect(kafkaReleaseAtLeast(named(KAFKA_3_9))).toBe("3.9");
    expect(kafkaReleaseAtLeast(named(KAFKA_4_3))).toBe("4.0");
  });
});

describe("describeKafkaVersion", () => {
  it("names the release of the cluster's finalized metadata.version, and says it is that", () => {
    expect(labelOf(named(KAFKA_4_3), metadataVersion(30))).toBe("Kafka 4.3 (metadata.version 4.3-IV0)");
    expect(labelOf(named(KAFKA_3_9), metadataVersion(21))).toBe("Kafka 3.9 (metadata.version 3.9-IV0)");
    expect(labelOf(named(KAFKA_3_7), metadataVersion(19))).toBe("Kafka 3.7 (metadata.version 3.7-IV4)");
    expect(describeKafkaVersion(named(KAFKA_4_3), metadataVersion(30)).basis).toMatch(
      /finalized metadata\.version.*may run a newer release/,
    );
  });

  it("says 'or later' when the APIs show brokers newer than a metadata.version not yet raised", () => {
    expect(labelOf(named(KAFKA_4_3), metadataVersion(21))).toBe(
      "Kafka 4.0 or later (metadata.version 3.9-IV0)",
    );
    expect(labelOf(named(KAFKA_3_9), metadataVersion(14))).toBe(
      "Kafka 3.9 or later (metadata.version level 14)",
    );
  });

  it("gives a level outside the table by number", () => {
    expect(labelOf(named(KAFKA_4_3), metadataVersion(31))).toBe(
      "Kafka newer than 4.3 (metadata.version level 31)",
    );
    expect(labelOf(named(CLIENT_ONLY_GATEWAY), metadataVersion(14))).toBe(
      "Kafka older than 3.7 (metadata.version level 14)",
    );
  });

  it("falls back to the API markers without a finalized metadata.version (gateways, Redpanda)", () => {
    expect(describeKafkaVersion(named(KAFKA_4_3))).toEqual({
      label: "Kafka 4.0 or later",
      basis: expect.stringMatching(/^Inferred from the APIs the cluster offers \(ApiVersions\)/),
    });
    const otherFeaturesOnly = metadataVersion(30).filter((feature) => feature.name !== "metadata.version");
    expect(labelOf(named(KAFKA_3_9), otherFeaturesOnly)).toBe("Kafka 3.9 or later");
    expect(labelOf(named(KAFKA_3_9), metadataVersion(0))).toBe("Kafka 3.9 or later");
    expect(labelOf(named(CLIENT_ONLY_GATEWAY), [])).toBe("Older than Kafka 3.7");
    expect(labelOf([])).toBe("Unknown");
  });
});

describe("metadataVersionLevel", () => {
  it("reads the finalized level, none when the feature is absent or at 0", () => {
    expect(metadataVersionLevel(metadataVersion(30))).toBe(30);
    expect(metadataVersionLevel(metadataVersion(0))).toBeUndefined();
    expect(metadataVersionLevel([])).toBeUndefined();
  });
});
