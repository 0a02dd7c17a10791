import { describe, expect, it } from "vitest";

import { defaultKafkaVersion, jarsDirectory, kafkaVersion } from "./kafka-version";

const POM = "<project><properties><kafka.version>4.3.1</kafka.version></properties></project>";

describe("the brokers' Kafka version", () => {
  it("is the pom's kafka.version unless KAFKA_VERSION names another", () => {
    expect(defaultKafkaVersion(POM)).toBe("4.3.1");
    expect(kafkaVersion({}, POM)).toBe("4.3.1");
    expect(kafkaVersion({ KAFKA_VERSION: " " }, POM)).toBe("4.3.1");
    expect(kafkaVersion({ KAFKA_VERSION: "3.9.2" }, POM)).toBe("3.9.2");
  });

  it("refuses a KAFKA_VERSION that is not a release, before Maven is asked", () => {
    expect(() => kafkaVersion({ KAFKA_VERSION: "3.9" }, POM)).toThrow(/must be a release such as 3\.9\.2/);
    expect(() => kafkaVersion({ KAFKA_VERSION: "4.3.1 -Dx=y" }, POM)).toThrow(/not "4\.3\.1 -Dx=y"/);
  });

  it("keeps the pom's jars where they always were and each other version's apart", () => {
    expect(jarsDirectory("4.3.1", POM)).toMatch(/scripts\/cluster\/target\/dependency$/);
    expect(jarsDirectory("3.9.2", POM)).toMatch(/scripts\/cluster\/target\/kafka-3\.9\.2$/);
  });
});
