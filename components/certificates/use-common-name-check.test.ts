import { describe, expect, it } from "vitest";

import { existingUseText } from "./use-common-name-check";

describe("the notice before issuing a name in use", () => {
  it("counts certificates and bindings per cluster, and says which cluster is unknown", () => {
    expect(
      existingUseText({
        commonName: "billing",
        validCertificates: 2,
        clusters: [
          { cluster: "local", bindings: 1 },
          { cluster: "prod", bindings: null, problem: "the cluster did not answer in time" },
        ],
      }),
    ).toBe(
      "This name already has 2 valid certificates, 1 binding on cluster local and unknown bindings on cluster prod (the cluster did not answer in time). A new certificate for billing gets the same access as its other holders.",
    );
  });

  it("says nothing for a name nobody has", () => {
    expect(
      existingUseText({
        commonName: "new",
        validCertificates: 0,
        clusters: [{ cluster: "local", bindings: 0 }],
      }),
    ).toBeUndefined();
  });
});
