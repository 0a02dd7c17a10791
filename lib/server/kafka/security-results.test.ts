import { describe, expect, it } from "vitest";

import { capabilitiesFromApiVersions, unavailableReason } from "./capabilities";
import { kafkaRefusal } from "./security-results";

describe("kafkaRefusal", () => {
  it("words Kafka's refusal of a credential with the broker's explanation and the code", () => {
    const error = Object.assign(new Error("Received response with error while executing API"), {
      errors: [
        Object.assign(new Error("unacceptable"), {
          apiId: "UNACCEPTABLE_CREDENTIAL",
          serverErrorMessage: "Iterations 20000 is greater than the maximum 16384",
        }),
      ],
    });
    expect(kafkaRefusal(error, "credential")).toEqual({
      ok: false,
      status: 422,
      code: "UNACCEPTABLE_CREDENTIAL",
      error:
        "Kafka refused the credential: Iterations 20000 is greater than the maximum 16384 (UNACCEPTABLE_CREDENTIAL)",
    });
  });

  it("leaves authorization and broker failures to the cluster problem", () => {
    const denied = Object.assign(new Error("denied"), { apiId: "CLUSTER_AUTHORIZATION_FAILED" });
    expect(kafkaRefusal(denied, "credential")).toBeNull();
    expect(kafkaRefusal(new Error("ECONNREFUSED"), "credential")).toBeNull();
  });
});

describe("SCRAM users and quotas on a cluster without the APIs", () => {
  it("are unavailable, naming the API", () => {
    const capabilities = { ok: true as const, data: capabilitiesFromApiVersions([]) };
    expect(unavailableReason(capabilities, "scram")).toBe(
      "This cluster does not support DescribeUserScramCredentials (ApiKey 50).",
    );
    expect(unavailableReason(capabilities, "quotas")).toBe(
      "This cluster does not support DescribeClientQuotas (ApiKey 48).",
    );
    const offered = capabilitiesFromApiVersions([
      { apiKey: 50, minVersion: 0, maxVersion: 0 },
      { apiKey: 48, minVersion: 0, maxVersion: 1 },
    ]);
    expect(unavailableReason({ ok: true, data: offered }, "scram")).toBeUndefined();
    expect(unavailableReason({ ok: true, data: offered }, "quotas")).toBeUndefined();
  });
});
