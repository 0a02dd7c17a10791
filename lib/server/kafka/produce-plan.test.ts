import { murmur2 } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import {
  assignPartitions,
  buildProduceRecord,
  copiesPerSend,
  MAX_PRODUCE_BYTES,
  missingPartitionFailure,
  offsetsOfSend,
  produceFailure,
  SEND_BYTES,
  tooMuchFailure,
} from "./produce-plan";

describe("buildProduceRecord", () => {
  it("encodes key, value and headers as UTF-8 Buffers in a Map, counting their bytes", () => {
    const record = buildProduceRecord({
      key: "clé",
      value: '{"t":1}',
      headers: [
        { name: "content_type", value: "application/json" },
        { name: "trace", value: "" },
      ],
    });
    expect(record.key).toEqual(Buffer.from("clé"));
    expect(record.value.toString()).toBe('{"t":1}');
    expect(record.headers).toBeInstanceOf(Map);
    expect([...record.headers].map(([name, value]) => [name.toString(), value.toString()])).toEqual([
      ["content_type", "application/json"],
      ["trace", ""],
    ]);
    expect(record.bytes).toBe(4 + 7 + 12 + 16 + 5);
  });

  it("treats an empty key as no key", () => {
    expect(buildProduceRecord({ key: "", value: "v", headers: [] }).key).toBeUndefined();
  });
});

describe("assignPartitions", () => {
  it("sends every copy to an explicit partition", () => {
    expect(assignPartitions(3, 6, 4, Buffer.from("k"))).toEqual([4, 4, 4]);
  });

  it("puts a key where Kafka's Java default partitioner does", () => {
    // "a" hashes negative: Java masks the sign bit (partition 5 of 7); the library's own default
    // partitioner takes the unsigned hash (partition 0), where no Java producer would put the key.
    const key = Buffer.from("a");
    expect(murmur2(key)).toBeLessThan(0);
    expect(assignPartitions(2, 7, undefined, key)).toEqual([5, 5]);
  });

  it("spreads copies without a key round-robin from the start partition", () => {
    expect(assignPartitions(5, 3, undefined, undefined, 2)).toEqual([2, 0, 1, 2, 0]);
  });
});

describe("copiesPerSend", () => {
  it("batches small records by the thousand and huge ones one at a time", () => {
    expect(copiesPerSend(100)).toBe(Math.floor(SEND_BYTES / 100));
    expect(copiesPerSend(SEND_BYTES * 2)).toBe(1);
    expect(copiesPerSend(0)).toBe(SEND_BYTES);
  });
});

describe("offsetsOfSend", () => {
  it("gives each message of a partition consecutive offsets from the batch's base offset", () => {
    expect(
      offsetsOfSend(
        [0, 1, 0, 0],
        new Map([
          [0, 41n],
          [1, 7n],
        ]),
      ),
    ).toEqual([
      { partition: 0, offset: "41" },
      { partition: 1, offset: "7" },
      { partition: 0, offset: "42" },
      { partition: 0, offset: "43" },
    ]);
  });
});

describe("produceFailure", () => {
  it("answers 403 for a missing ACL, naming it", () => {
    const failure = produceFailure({
      kind: "authorization",
      title: "The console's identity User:app may not write to topic orders",
      hint: "Grant WRITE on topic orders to User:app, or make it a super user.",
      code: "TOPIC_AUTHORIZATION_FAILED",
    });
    expect(failure).toMatchObject({ ok: false, status: 403, code: "TOPIC_AUTHORIZATION_FAILED" });
    expect(failure.error).toContain("Grant WRITE on topic orders");
  });

  it("answers 404 for an unknown topic or cluster, 504 for a timeout, 502 otherwise", () => {
    const problem = (kind: "broker" | "unreachable" | "unknown-cluster", code?: string) => ({
      kind,
      title: "t",
      hint: "h",
      code,
    });
    expect(produceFailure(problem("broker", "UNKNOWN_TOPIC_OR_PARTITION")).status).toBe(404);
    expect(produceFailure(problem("unknown-cluster")).status).toBe(404);
    expect(produceFailure(problem("unreachable", "PLT_KFK_TIMEOUT")).status).toBe(504);
    expect(produceFailure(problem("broker", "MESSAGE_TOO_LARGE")).status).toBe(502);
  });

  it("says how many copies were written before a failure", () => {
    expect(produceFailure({ kind: "broker", title: "t", hint: "h" }, 1000).error).toContain(
      "1000 copies were written before the failure",
    );
  });
});

describe("refusals before sending", () => {
  it("names the valid partitions", () => {
    expect(missingPartitionFailure("orders", 3)).toEqual({
      ok: false,
      status: 400,
      error: "Topic orders has 3 partitions.",
      fieldErrors: { partition: ["Choose a partition from 0 to 2"] },
    });
  });

  it("says how many copies of a message this size fit", () => {
    const failure = tooMuchFailure(10_000, 1024 * 1024);
    expect(failure).toMatchObject({
      status: 400,
      fieldErrors: { copies: ["At most 64 copies of a message this size"] },
    });
    expect(MAX_PRODUCE_BYTES).toBe(64 * 1024 * 1024);
  });
});
