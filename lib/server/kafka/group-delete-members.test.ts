import { describe, expect, it } from "vitest";

import { membersNamed, membersOnTopic } from "./group-delete-members";
import type { GroupMember } from "./group-members";

const member = (memberId: string, extra: Partial<GroupMember> = {}): GroupMember => ({
  memberId,
  instanceId: null,
  clientId: `client-${memberId}`,
  clientHost: "/10.0.0.1",
  assignment: [],
  ...extra,
});

describe("members standing in the way of a delete", () => {
  it("finds members holding, targeted with or subscribed to the topic, not others", () => {
    const holding = member("a", { assignment: [{ topic: "orders", partitions: [0] }] });
    const targeted = member("b", { targetAssignment: [{ topic: "orders", partitions: [1] }] });
    const subscribed = member("c", { subscribedTopics: ["orders"] });
    const elsewhere = member("d", { assignment: [{ topic: "payments", partitions: [0] }] });
    const undecoded = member("e", { assignment: null });
    expect(membersOnTopic([holding, targeted, subscribed, elsewhere, undecoded], "orders")).toEqual([
      holding,
      targeted,
      subscribed,
    ]);
  });

  it("names members with client id, member id and host, at most five", () => {
    expect(membersNamed([member("a")])).toBe("has 1 active member: client-a (member a on /10.0.0.1)");
    const many = ["a", "b", "c", "d", "e", "f", "g"].map((id) => member(id));
    const named = membersNamed(many, "reading topic orders");
    expect(named).toMatch(/^has 7 members reading topic orders: client-a /);
    expect(named).toContain("client-e (member e");
    expect(named).not.toContain("client-f");
    expect(named).toMatch(/ and 2 more$/);
  });

  it("says members without naming any when none could be read", () => {
    expect(membersNamed([])).toBe("has members");
    expect(membersNamed([], "reading topic orders")).toBe("has members reading topic orders");
  });
});
