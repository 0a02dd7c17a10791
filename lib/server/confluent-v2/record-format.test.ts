import { describe, expect, it } from "vitest";

import { DESERIALIZATION_ERROR, formatRecord, recordsContentType } from "./record-format";

const record = {
  topic: "t",
  partition: 2,
  offset: 7n,
  leaderEpoch: 0,
  key: Buffer.from("k"),
  value: Buffer.from("é"),
};

describe("formatRecord", () => {
  it("answers base64 for binary, text for string, parsed JSON for json", () => {
    expect(formatRecord(record, "binary")).toEqual({
      topic: "t",
      key: "aw==",
      value: "w6k=",
      partition: 2,
      offset: 7,
    });
    expect(formatRecord(record, "string")).toMatchObject({ key: "k", value: "é" });
    expect(formatRecord({ ...record, key: null, value: Buffer.from('{"n":1}') }, "json")).toMatchObject({
      key: null,
      value: { n: 1 },
    });
    expect(recordsContentType("binary")).toBe("application/vnd.kafka.binary.v2+json");
    expect(recordsContentType("json")).toBe("application/vnd.kafka.json.v2+json");
  });

  it("refuses a record that is not JSON in the json format, naming it", () => {
    expect(() => formatRecord(record, "json")).toThrow(/key of the record at t\/2@7 is not JSON/);
    try {
      formatRecord(record, "json");
    } catch (error) {
      expect(error).toMatchObject({ errorCode: DESERIALIZATION_ERROR, status: 500 });
    }
  });
});
