import { describe, expect, it } from "vitest";

import { createBindingCounter } from "./name-usage";

const binding = (principal: string) => ({
  principal,
  host: "*",
  operation: "READ",
  permission: "ALLOW",
  resourceType: "TOPIC",
  resourceName: "orders",
  patternType: "LITERAL",
});

describe("the ACL bindings of a name before issuing", () => {
  it("counts the bindings of exactly User:<CN> per cluster, and says 'unknown' for a cluster that fails or hangs", async () => {
    const counter = createBindingCounter({
      deadlineMs: 1,
      listBindings: async (cluster) => {
        if (cluster === "down") return { ok: false, problem: { title: "Cannot reach the brokers" } };
        if (cluster === "silent") return new Promise(() => {});
        return {
          ok: true,
          data: [
            binding("User:billing"),
            binding("User:billing"),
            binding("User:billing-2"),
            binding("User:*"),
          ],
        } as never;
      },
    });
    expect(await counter.count(["local", "down", "silent"], "User:billing")).toEqual([
      { cluster: "local", bindings: 2 },
      { cluster: "down", bindings: null, problem: "Cannot reach the brokers" },
      { cluster: "silent", bindings: null, problem: "the cluster did not answer in time" },
    ]);
  });

  it("shares a listing in flight and asks again afterwards, so a new grant shows", async () => {
    let listings = 0;
    const counter = createBindingCounter({
      listBindings: async () => {
        listings++;
        return { ok: true, data: [] };
      },
    });
    await Promise.all([counter.count(["local"], "User:a"), counter.count(["local"], "User:b")]);
    expect(listings).toBe(1);
    await counter.count(["local"], "User:a");
    expect(listings).toBe(2);
  });
});
