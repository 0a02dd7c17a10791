import { ResponseError } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import { partialResponse, type MetadataSnapshot } from "./cluster-metadata";

const METADATA = 3;

const response: MetadataSnapshot = {
  clusterId: "abc",
  controllerId: 1,
  brokers: [{ nodeId: 1, host: "kafka-1", port: 9093, rack: null }],
  topics: [{ name: "orders", isInternal: false, partitions: [] }],
};

describe("partialResponse", () => {
  it("keeps a Metadata answer whose errors are per topic or partition (a partition without leader)", () => {
    const error = new ResponseError(METADATA, 12, { "/topics/0/partitions/2": [5, null] }, response);
    expect(partialResponse(error)).toBe(response);
  });

  it("does not keep an answer with an error outside the topics", () => {
    const error = new ResponseError(METADATA, 12, { "/": [31, null], "/topics/0": [29, null] }, response);
    expect(partialResponse(error)).toBeUndefined();
  });

  it("ignores errors that carry no answer", () => {
    expect(partialResponse(new Error("Connection closed"))).toBeUndefined();
    expect(partialResponse(null)).toBeUndefined();
  });
});
