// What a Kafka-API cluster can do for the console, decided from its ApiVersions answer alone. Apache
// Kafka offers every API here; Redpanda, KoP and gateways leave some out, and a page then says so
// ("This cluster does not support DescribeAcls (ApiKey 29)") instead of failing. Pure: no Kafka calls.
import type { ApiVersionRange } from "@/lib/schemas/cluster";

/** An API a capability needs, and the versions the console can speak (its Kafka client's). */
interface ApiRequirement {
  apiKey: number;
  name: string;
  minVersion: number;
  maxVersion: number;
}

const ANY_VERSION = Number.MAX_SAFE_INTEGER;
const api = (apiKey: number, name: string, minVersion = 0, maxVersion = ANY_VERSION): ApiRequirement => ({
  apiKey,
  name,
  minVersion,
  maxVersion,
});

// The console's client (@platformatic/kafka) speaks these ranges; capabilities.test.ts holds them to it.
const METADATA = api(3, "Metadata", 0, 12);
/** Searches read committed: Fetch v4+ and ListOffsets v2+ carry the isolation level. */
const FETCH = api(1, "Fetch", 4, 17);
const LIST_OFFSETS = api(2, "ListOffsets", 2, 9);
const PRODUCE = api(0, "Produce", 3, 11);
/** Bindings with pattern types (PREFIXED, MATCH) need v1; Kafka 4 dropped v0. */
const DESCRIBE_ACLS = api(29, "DescribeAcls", 1, 3);
const CREATE_ACLS = api(30, "CreateAcls", 1, 3);
const DELETE_ACLS = api(31, "DeleteAcls", 1, 3);
const DESCRIBE_GROUPS = api(15, "DescribeGroups", 0, 5);
const LIST_GROUPS = api(16, "ListGroups", 0, 5);
const CONSUMER_GROUP_DESCRIBE = api(69, "ConsumerGroupDescribe", 0, 0);
/** Not in the console's client yet: only whether the cluster offers it at all. */
const SHARE_GROUP_DESCRIBE = api(77, "ShareGroupDescribe");
/** The console's own codec speaks v1 (start offsets and the broker's lag); Kafka 4.1's v0 has no lag. */
const DESCRIBE_SHARE_GROUP_OFFSETS = api(90, "DescribeShareGroupOffsets", 1, 1);
const DESCRIBE_QUORUM = api(55, "DescribeQuorum", 0, 2);
/** Features (KIP-584) come in the ApiVersions answer itself from v3 on; there is no request of their own. */
const API_VERSIONS_WITH_FEATURES = api(18, "ApiVersions", 3, 4);
const DESCRIBE_SCRAM = api(50, "DescribeUserScramCredentials", 0, 0);
const DESCRIBE_QUOTAS = api(48, "DescribeClientQuotas", 0, 1);
const DESCRIBE_LOG_DIRS = api(35, "DescribeLogDirs", 0, 4);

export const CAPABILITY_REQUIREMENTS = {
  topics: [METADATA],
  messageSearch: [METADATA, LIST_OFFSETS, FETCH],
  produce: [METADATA, PRODUCE],
  acls: [DESCRIBE_ACLS],
  aclChanges: [CREATE_ACLS, DELETE_ACLS],
  groups: [LIST_GROUPS, DESCRIBE_GROUPS],
  consumerGroups: [CONSUMER_GROUP_DESCRIBE],
  shareGroups: [SHARE_GROUP_DESCRIBE],
  shareGroupOffsets: [DESCRIBE_SHARE_GROUP_OFFSETS],
  quorum: [DESCRIBE_QUORUM],
  features: [API_VERSIONS_WITH_FEATURES],
  scram: [DESCRIBE_SCRAM],
  quotas: [DESCRIBE_QUOTAS],
  logDirs: [DESCRIBE_LOG_DIRS],
} satisfies Record<string, ApiRequirement[]>;

export type CapabilityName = keyof typeof CAPABILITY_REQUIREMENTS;

/** Why an API does not serve: the cluster lacks it, or offers only versions the console cannot speak. */
export interface MissingApi {
  apiKey: number;
  name: string;
  offered?: { minVersion: number; maxVersion: number };
}

export type Capability = { supported: true } | { supported: false; missing: MissingApi[]; message: string };

export type ClusterCapabilities = Record<CapabilityName, Capability>;

type ApiVersionsAnswer = Pick<ApiVersionRange, "apiKey" | "minVersion" | "maxVersion">;

/** Every capability, from one ApiVersions answer. */
export function capabilitiesFromApiVersions(apis: readonly ApiVersionsAnswer[]): ClusterCapabilities {
  const offered = new Map(apis.map((entry) => [entry.apiKey, entry]));
  const entries = Object.entries(CAPABILITY_REQUIREMENTS).map(([name, requirements]) => {
    const missing = requirements.flatMap((requirement) => {
      const range = offered.get(requirement.apiKey);
      if (range && overlaps(range, requirement)) return [];
      const gap: MissingApi = { apiKey: requirement.apiKey, name: requirement.name };
      if (range) gap.offered = { minVersion: range.minVersion, maxVersion: range.maxVersion };
      return [gap];
    });
    const capability: Capability = missing.length
      ? { supported: false, missing, message: describeMissing(missing, requirements) }
      : { supported: true };
    return [name, capability] as const;
  });
  return Object.fromEntries(entries) as ClusterCapabilities;
}

function overlaps(range: ApiVersionsAnswer, requirement: ApiRequirement): boolean {
  return range.minVersion <= requirement.maxVersion && requirement.minVersion <= range.maxVersion;
}

/** "This cluster does not support DescribeAcls (ApiKey 29)", or the versions when it offers others. */
function describeMissing(missing: MissingApi[], requirements: ApiRequirement[]): string {
  return missing
    .map((gap) => {
      const label = `${gap.name} (ApiKey ${gap.apiKey})`;
      if (!gap.offered) return `This cluster does not support ${label}.`;
      const needed = requirements.find((requirement) => requirement.apiKey === gap.apiKey)!;
      return `This cluster offers ${label} only in versions ${versions(gap.offered)}; the console speaks ${versions(needed)}.`;
    })
    .join(" ");
}

function versions({ minVersion, maxVersion }: { minVersion: number; maxVersion: number }): string {
  if (maxVersion === ANY_VERSION) return `${minVersion} and later`;
  return minVersion === maxVersion ? `${minVersion}` : `${minVersion} to ${maxVersion}`;
}

/**
 * Why a capability is unavailable, or undefined when it is available or unknown: a cluster that could
 * not be asked is not declared lacking; its pages show the connection problem from their own calls.
 */
export function unavailableReason(
  capabilities: { ok: true; data: ClusterCapabilities } | { ok: false },
  name: CapabilityName,
): string | undefined {
  if (!capabilities.ok) return undefined;
  const capability = capabilities.data[name];
  return capability.supported ? undefined : capability.message;
}
