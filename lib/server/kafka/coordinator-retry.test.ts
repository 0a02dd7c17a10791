import { describe, expect, it } from "vitest";

import { untilCoordinatorAnswers, whileCoordinatorMoves } from "./coordinator-retry";

/** As the client nests a Kafka error: MultipleErrors → ResponseError → ProtocolError with apiId. */
const kafkaError = (apiId: string) =>
  Object.assign(new Error("failed"), { errors: [{ message: apiId, apiId }] });

describe("whileCoordinatorMoves", () => {
  it("asks again while the coordinator moves or loads, then answers", async () => {
    const errors = [kafkaError("NOT_COORDINATOR"), kafkaError("COORDINATOR_LOAD_IN_PROGRESS")];
    let calls = 0;
    const answer = await whileCoordinatorMoves(async () => {
      calls++;
      const error = errors.shift();
      if (error) throw error;
      return "committed";
    });
    expect([answer, calls]).toEqual(["committed", 3]);
  });

  it("fails at once on any other error, and after the last attempt on a coordinator error", async () => {
    let calls = 0;
    const refused = kafkaError("UNKNOWN_MEMBER_ID");
    await expect(
      whileCoordinatorMoves(async () => {
        calls++;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);
    calls = 0;
    const moving = kafkaError("NOT_COORDINATOR");
    await expect(
      whileCoordinatorMoves(async () => {
        calls++;
        throw moving;
      }, 2),
    ).rejects.toBe(moving);
    expect(calls).toBe(2);
  });
});

describe("untilCoordinatorAnswers", () => {
  it("asks again for a problem with a coordinator code only", async () => {
    const answers = [
      { ok: false, problem: { code: "NOT_COORDINATOR" } },
      { ok: false, problem: { code: "GROUP_AUTHORIZATION_FAILED" } },
    ];
    let calls = 0;
    const result = await untilCoordinatorAnswers(async () => answers[calls++]!);
    expect([result, calls]).toEqual([{ ok: false, problem: { code: "GROUP_AUTHORIZATION_FAILED" } }, 2]);
  });
});
