import { describe, expect, it } from "vitest";

import { brokerLayout, DEFAULT_PORTS } from "./layout";
import { serverProperties } from "./properties";

function parse(text: string): Map<string, string> {
  return new Map(
    text
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

describe("serverProperties", () => {
  const layout = brokerLayout("/tmp/broker");

  it("keeps the log cleaner's dedupe buffer to a sixteenth of a 256 MiB test heap", () => {
    const buffer = Number(
      parse(serverProperties(layout, DEFAULT_PORTS)).get("log.cleaner.dedupe.buffer.size"),
    );
    expect(buffer).toBeGreaterThan(0);
    expect(buffer).toBeLessThanOrEqual((256 * 1024 * 1024) / 16);
  });

  it("turns the consumer protocol on before Kafka 4.0 only", () => {
    const key = "group.coordinator.rebalance.protocols";
    expect(parse(serverProperties(layout, DEFAULT_PORTS, undefined, "3.9.2")).get(key)).toBe(
      "classic,consumer",
    );
    expect(parse(serverProperties(layout, DEFAULT_PORTS, undefined, "4.3.1")).has(key)).toBe(false);
  });
});
