import { describe, expect, it } from "vitest";
import { CLIENT_ONLY_GATEWAY, KAFKA_3_7, KAFKA_3_9, KAFKA_4_3 } from "@/test/fixtures/api-versions";
import { describeKafkaVersion, kafkaReleaseAtLeast } from "./kafka-version";

const named = (ranges: { apiKey: number; minVersion: number; maxVersion: number }[]) =>
  ranges.map((range) => ({ ...range, name: `api-${range.apiKey}` }));

describe("kafkaReleaseAtLeast", () => {
  it("reads each real broker's release from its ApiVersions answer", () => {
    expect(kafkaReleaseAtLeast(named(KAFKA_3_7))).toBe("3.7");
    expect(kafkaReleaseAtLeast(named(KAFKA_3_9))).toBe("3.9");
    expect(kafkaReleaseAtLeast(named(KAFKA_4_3))).toBe("4.0");
  });

  it("says a gateway that only speaks old client versions is older, and an empty answer unknown", () => {
    expect(describeKafkaVersion(named(CLIENT_ONLY_GATEWAY))).toBe("Older than Kafka 3.7");
    expect(describeKafkaVersion([])).toBe("Unknown");
    expect(describeKafkaVersion(named(KAFKA_4_3))).toBe("Kafka 4.0 or later");
  });
});
