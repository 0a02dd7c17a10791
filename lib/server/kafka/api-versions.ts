// One ApiVersions request with its finalized features (KIP-584): Admin.listApis() keeps only the API
// ranges, and the library has no describeFeatures (Kafka's own Admin.describeFeatures() is this same
// ApiVersions request). Versions 3+ carry the features, metadata.version among them on KRaft.
import { clientSoftwareName, clientSoftwareVersion, type Admin } from "@platformatic/kafka";

import type { FinalizedFeature } from "@/lib/schemas/cluster";

import { sendRaw } from "./raw-request";

/** One API's range as the broker sent it; the library names the keys it knows. */
export interface ApiVersionsAnswer {
  apiKey: number;
  name?: string;
  minVersion: number;
  maxVersion: number;
}

export interface ApiVersionsWithFeatures {
  apis: ApiVersionsAnswer[];
  /** Empty below ApiVersions v3, and from clusters that finalize no feature. */
  finalizedFeatures: FinalizedFeature[];
}

/** The fields of an ApiVersions response the console reads; finalizedFeatures from v3 on. */
interface ApiVersionsResponse {
  apiKeys: ApiVersionsAnswer[];
  finalizedFeatures?: FinalizedFeature[];
}

/**
 * Sent through the client's bootstrap connection and retry hooks, in the highest version both sides
 * speak (the client's own negotiation: v4 on Kafka 4, v3 on 3.x, lower on a cluster without features).
 */
export async function fetchApiVersions(admin: Admin): Promise<ApiVersionsWithFeatures> {
  const response = await sendRaw<ApiVersionsResponse>(admin, {
    api: "ApiVersions",
    args: [clientSoftwareName, clientSoftwareVersion],
  });
  return { apis: response.apiKeys, finalizedFeatures: finalizedFeaturesOf(response) };
}

/** The library answers v0–v2 without the field, and v3+ with [] when the broker sent none. */
export function finalizedFeaturesOf(
  response: Pick<ApiVersionsResponse, "finalizedFeatures">,
): FinalizedFeature[] {
  return (response.finalizedFeatures ?? [])
    .map(({ name, minVersionLevel, maxVersionLevel }) => ({ name, minVersionLevel, maxVersionLevel }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
