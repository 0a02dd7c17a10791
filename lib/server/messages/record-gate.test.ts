import { describe, expect, it } from "vitest";

import { batchGate, rangeHolds, recordMayMatch, storedRequirements } from "./record-gate";

const bytes = (text: string) => Buffer.from(text);

describe("record gate", () => {
  const requirements = [
    { of: "headers" as const, anyOf: [bytes("device")] },
    { of: "value" as const, anyOf: [bytes("dev-7"), bytes("\\")] },
  ];

  it("finds where a batch's bytes meet each requirement, or that one is met nowhere", () => {
    const gate = batchGate(storedRequirements(requirements, false))!;
    expect(gate(bytes("device.dev-7.device"))).toEqual([[0, 13], [7]]);
    expect(gate(bytes('device."dev\\u002d7"'))).toEqual([[0], [11]]);
    expect(gate(bytes("device.dev-8"))).toBeNull();
    expect(gate(bytes("dev-7"))).toBeNull();
  });

  it("takes a requirement met in too many places as met by every record", () => {
    const gate = batchGate([[bytes("a")], [bytes("b")]])!;
    const found = gate(Buffer.from("a".repeat(100) + "b"))!;
    expect(found).toEqual([null, [100]]);
    expect(rangeHolds(found, 0, 50)).toBe(false);
    expect(rangeHolds(found, 90, 101)).toBe(true);
    expect(rangeHolds([[5, 9]], 6, 9)).toBe(false);
    expect(rangeHolds([[5, 9]], 6, 10)).toBe(true);
  });

  it("keeps only the headers' requirements when keys and values are decoded with a registry schema", () => {
    expect(storedRequirements(requirements, true)).toEqual([[bytes("device")]]);
    expect(batchGate(storedRequirements([{ of: "value", anyOf: [bytes("x")] }], true))).toBeNull();
  });

  it("finds a requirement in a record's key, value or a header's name or value", () => {
    const needles = storedRequirements([{ of: "value", anyOf: [bytes("dev-7")] }], false);
    const record = { partition: 0, offset: 0n, timestamp: 0, key: null, value: null, headers: [] };
    expect(recordMayMatch(record, needles)).toBe(false);
    expect(recordMayMatch({ ...record, key: bytes("dev-7") }, needles)).toBe(true);
    expect(recordMayMatch({ ...record, value: bytes("[dev-7]") }, needles)).toBe(true);
    expect(recordMayMatch({ ...record, headers: [[bytes("dev-7"), null]] }, needles)).toBe(true);
    expect(recordMayMatch({ ...record, headers: [[null, bytes("dev-7")]] }, needles)).toBe(true);
    expect(recordMayMatch({ ...record, headers: [[bytes("h"), bytes("dev-8")]] }, needles)).toBe(false);
  });
});
