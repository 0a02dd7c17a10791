import { describe, expect, it } from "vitest";
import { operationChoices } from "./operation-choices";

const summary = (types: Parameters<typeof operationChoices>[0]) =>
  Object.fromEntries(
    operationChoices(types).map((choice) => [choice.operation, choice.missingFrom.join(",")]),
  );

describe("operationChoices", () => {
  it("never offers READ on the cluster", () => {
    expect(summary(["CLUSTER"])).not.toHaveProperty("READ");
    expect(summary(["CLUSTER"])).toHaveProperty("IDEMPOTENT_WRITE", "");
  });

  it("disables what one of several chosen types lacks, naming that type", () => {
    const choices = summary(["TOPIC", "CLUSTER", "TOPIC"]);
    expect(choices.READ).toBe("CLUSTER");
    expect(choices.IDEMPOTENT_WRITE).toBe("TOPIC");
    expect(choices.DESCRIBE).toBe("");
    expect(choices).not.toHaveProperty("CREATE_TOKENS");
  });

  it("offers exactly a group's operations for a group", () => {
    expect(operationChoices(["GROUP"]).map((choice) => choice.operation)).toEqual([
      "ALL",
      "READ",
      "DELETE",
      "DESCRIBE",
    ]);
  });
});
