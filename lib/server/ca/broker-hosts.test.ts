import { describe, expect, it } from "vitest";

import { createBrokerHostDirectory, hostOfAddress } from "./broker-hosts";

describe("the brokers' hosts", () => {
  it("reads the host from bootstrap addresses", () => {
    expect(hostOfAddress("kafka-1.example.com:9092")).toBe("kafka-1.example.com");
    expect(hostOfAddress("[2001:db8::1]:9093")).toBe("2001:db8::1");
    expect(hostOfAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(hostOfAddress(" 127.0.0.1:9092 ")).toBe("127.0.0.1");
    expect(hostOfAddress("kafka")).toBe("kafka");
  });

  it("adds what the metadata reports and asks each cluster once while the answer is fresh", async () => {
    const asked: string[] = [];
    const directory = createBrokerHostDirectory({
      lookup: async (cluster) => {
        asked.push(cluster);
        return cluster === "prod" ? ["b-1.internal", "b-2.internal"] : undefined;
      },
    });
    const clusters = [
      { name: "prod", bootstrapBrokers: ["kafka.example.com:9092"] },
      { name: "down", bootstrapBrokers: ["10.0.0.9:9092"] },
    ];
    const expected = ["kafka.example.com", "10.0.0.9", "b-1.internal", "b-2.internal"];
    expect(await directory.hostsOf(clusters)).toEqual(expected);
    expect(await directory.hostsOf(clusters)).toEqual(expected);
    expect(asked).toEqual(["prod", "down"]);
  });

  it("does not wait for a cluster that never answers, and keeps its bootstrap hosts reserved", async () => {
    const directory = createBrokerHostDirectory({ lookup: () => new Promise(() => {}), deadlineMs: 1 });
    const hosts = await directory.hostsOf([{ name: "silent", bootstrapBrokers: ["kafka.silent:9092"] }]);
    expect(hosts).toEqual(["kafka.silent"]);
  });

  it("keeps the hosts a cluster reported when a later lookup fails, and asks again after the retry time", async () => {
    let clock = 0;
    let answer: string[] | undefined = ["b-1.internal"];
    let lookups = 0;
    const directory = createBrokerHostDirectory({
      lookup: async () => {
        lookups++;
        return answer;
      },
      freshMs: 100,
      retryMs: 10,
      now: () => clock,
    });
    const cluster = [{ name: "prod", bootstrapBrokers: [] }];
    expect(await directory.hostsOf(cluster)).toEqual(["b-1.internal"]);
    answer = undefined;
    clock = 200;
    expect(await directory.hostsOf(cluster)).toEqual(["b-1.internal"]); // stale: refreshed in the background
    await Promise.resolve();
    expect(lookups).toBe(2);
    expect(await directory.hostsOf(cluster)).toEqual(["b-1.internal"]);
    expect(lookups).toBe(2); // the failure is retried only after retryMs
    clock = 200 + 100;
    answer = ["b-2.internal"];
    await directory.hostsOf(cluster);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await directory.hostsOf(cluster)).toEqual(["b-2.internal"]);
  });
});
