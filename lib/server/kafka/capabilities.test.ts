import * as libraryApis from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import { CLIENT_ONLY_GATEWAY, KAFKA_3_7, KAFKA_3_9, KAFKA_4_3 } from "@/test/fixtures/api-versions";

import {
  CAPABILITY_REQUIREMENTS,
  capabilitiesFromApiVersions,
  unavailableReason,
  type CapabilityName,
} from "./capabilities";
import * as ownApis from "./share-group-offsets";

const supportedOf = (apis: Parameters<typeof capabilitiesFromApiVersions>[0]) =>
  Object.entries(capabilitiesFromApiVersions(apis))
    .filter(([, capability]) => capability.supported)
    .map(([name]) => name)
    .sort();

const ALL = Object.keys(CAPABILITY_REQUIREMENTS).sort();

describe("capabilitiesFromApiVersions", () => {
  it("finds everything in Kafka 4.3, share groups included", () => {
    expect(supportedOf(KAFKA_4_3)).toEqual(ALL);
  });

  it("finds everything but share groups and their offsets in Kafka 3.9", () => {
    const without: CapabilityName[] = ["shareGroups", "shareGroupOffsets"];
    expect(supportedOf(KAFKA_3_9)).toEqual(ALL.filter((name) => !without.includes(name as CapabilityName)));
  });

  it("finds no KIP-848 group descriptions and no share groups in Kafka 3.7", () => {
    const without: CapabilityName[] = ["consumerGroups", "shareGroups", "shareGroupOffsets"];
    expect(supportedOf(KAFKA_3_7)).toEqual(ALL.filter((name) => !without.includes(name as CapabilityName)));
    expect(capabilitiesFromApiVersions(KAFKA_3_7).consumerGroups).toEqual({
      supported: false,
      missing: [{ apiKey: 69, name: "ConsumerGroupDescribe" }],
      message: "This cluster does not support ConsumerGroupDescribe (ApiKey 69).",
    });
  });

  it("names each API a client-only gateway lacks, by name and ApiKey", () => {
    const capabilities = capabilitiesFromApiVersions(CLIENT_ONLY_GATEWAY);
    expect(supportedOf(CLIENT_ONLY_GATEWAY)).toEqual(["features", "messageSearch", "produce", "topics"]);
    expect(capabilities.acls).toEqual({
      supported: false,
      missing: [{ apiKey: 29, name: "DescribeAcls" }],
      message: "This cluster does not support DescribeAcls (ApiKey 29).",
    });
    expect(capabilities.aclChanges).toMatchObject({
      supported: false,
      message:
        "This cluster does not support CreateAcls (ApiKey 30). This cluster does not support DeleteAcls (ApiKey 31).",
    });
    expect(capabilities.groups).toMatchObject({
      supported: false,
      missing: [
        { apiKey: 16, name: "ListGroups" },
        { apiKey: 15, name: "DescribeGroups" },
      ],
    });
  });

  it("refuses an API offered only in versions the console cannot speak, and says which", () => {
    const oldFetch = KAFKA_4_3.map((entry) =>
      entry.apiKey === 1 ? { ...entry, minVersion: 0, maxVersion: 3 } : entry,
    );
    const search = capabilitiesFromApiVersions(oldFetch).messageSearch;
    expect(search).toEqual({
      supported: false,
      missing: [{ apiKey: 1, name: "Fetch", offered: { minVersion: 0, maxVersion: 3 } }],
      message: "This cluster offers Fetch (ApiKey 1) only in versions 0 to 3; the console speaks 4 to 17.",
    });
    const onlyAclsV0 = KAFKA_4_3.map((entry) =>
      entry.apiKey === 29 ? { ...entry, minVersion: 0, maxVersion: 0 } : entry,
    );
    expect(capabilitiesFromApiVersions(onlyAclsV0).acls.supported).toBe(false);
  });

  it("decides features from the ApiVersions version: v3 carries them", () => {
    const v2 = KAFKA_3_7.map((entry) => (entry.apiKey === 18 ? { ...entry, maxVersion: 2 } : entry));
    expect(capabilitiesFromApiVersions(v2).features).toMatchObject({ supported: false });
    expect(capabilitiesFromApiVersions(KAFKA_3_7).features).toEqual({ supported: true });
  });

  it("finds nothing in an empty answer", () => {
    expect(supportedOf([])).toEqual([]);
  });
});

describe("unavailableReason", () => {
  it("is the message for a capability the cluster lacks, and nothing for one it has", () => {
    const gateway = { ok: true as const, data: capabilitiesFromApiVersions(CLIENT_ONLY_GATEWAY) };
    expect(unavailableReason(gateway, "acls")).toBe(
      "This cluster does not support DescribeAcls (ApiKey 29).",
    );
    expect(unavailableReason(gateway, "topics")).toBeUndefined();
  });

  it("declares nothing lacking when the cluster could not be asked", () => {
    expect(unavailableReason({ ok: false }, "acls")).toBeUndefined();
  });
});

describe("the version ranges the console speaks", () => {
  // The client implements an API version when it exports `<name>V<n>` (fetchV17, describeAclsV3, …);
  // the console's own codecs export theirs the same way.
  const implemented = (name: string, version: number) => {
    const exported = `${name[0]!.toLowerCase()}${name.slice(1)}V${version}`;
    return exported in libraryApis || exported in ownApis;
  };

  it("are versions the console's Kafka client implements, from the lowest to the highest claimed", () => {
    for (const requirement of Object.values(CAPABILITY_REQUIREMENTS).flat()) {
      if (requirement.maxVersion === Number.MAX_SAFE_INTEGER) continue;
      for (let version = requirement.minVersion; version <= requirement.maxVersion; version++) {
        expect(implemented(requirement.name, version), `${requirement.name} v${version}`).toBe(true);
      }
      expect(implemented(requirement.name, requirement.maxVersion + 1), `${requirement.name} beyond`).toBe(
        false,
      );
    }
  });
});
