import { describe, expect, it } from "vitest";

import { apicurioVersion, CCOMPAT_PATH, REGISTRY_BUNDLE, registryUrl } from "./schema-registry";

describe("the local schema registry", () => {
  it("runs the pom's Apicurio version from its own directory under target", () => {
    expect(
      apicurioVersion("<properties><apicurio.version>2.6.13.Final</apicurio.version></properties>"),
    ).toBe("2.6.13.Final");
    expect(() => apicurioVersion("<project/>")).toThrow(/No <apicurio\.version>/);
    expect(REGISTRY_BUNDLE).toMatch(/scripts\/cluster\/target\/apicurio-2\.6\.13\.Final$/);
  });

  it("is reached on loopback at its Confluent-compatible API", () => {
    expect(registryUrl(8081)).toBe(`http://127.0.0.1:8081${CCOMPAT_PATH}`);
    expect(CCOMPAT_PATH).toBe("/apis/ccompat/v7");
  });
});
