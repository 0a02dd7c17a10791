import { describe, expect, it } from "vitest";
import type { WireRecord } from "./events";
import { republishCaveats, republishInitial } from "./republish";

const record: WireRecord = {
  partition: 0,
  offset: "5",
  timestamp: 0,
  timestampType: "create",
  key: { size: 8, text: "4412abe2" },
  value: { size: 11, text: '{"temp":21}' },
  headers: [
    { name: "content_type", value: { size: 16, text: "application/json" } },
    { name: "raw", value: { size: 1, base64: "/w==" } },
    { name: "empty", value: null },
  ],
  size: 40,
  compression: "none",
};

describe("republishInitial", () => {
  it("prefills key, value and the text headers for the same topic", () => {
    expect(republishInitial("telemetry", record)).toEqual({
      topic: "telemetry",
      key: "4412abe2",
      value: '{"temp":21}',
      valueFormat: "text",
      headers: [
        { name: "content_type", value: "application/json" },
        { name: "empty", value: "" },
      ],
    });
  });

  it("leaves a null key out and a binary value empty, and says so", () => {
    const binary = { ...record, key: null, value: { size: 2, base64: "AP8=" } };
    expect(republishInitial("t", binary)).toMatchObject({ key: undefined, value: "" });
    expect(republishCaveats(binary)).toEqual([
      "The value is binary: it is left empty.",
      "Binary header values are left out.",
    ]);
  });
});
