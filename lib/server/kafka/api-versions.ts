// One ApiVersions request with its finalized features (KIP-584): Admin.listApis() keeps only the API
// ranges, and the library has no describeFeatures (Kafka's own Admin.describeFeatures() is this same
// ApiVersions request). Versions 3+ carry the features, metadata.version among them on KRaft.
import {
  clientSoftwareName,
  clientSoftwareVersion,
  kGetApi,
  kGetBootstrapConnection,
  kPerformWithRetry,
  type Admin,
  type Callback,
  type Connection,
} from "@platformatic/kafka";

import type { FinalizedFeature } from "@/lib/schemas/cluster";

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

type ApiVersionsApi = (
  connection: Connection,
  clientSoftwareName: string,
  clientSoftwareVersion: string,
  callback: Callback<ApiVersionsResponse>,
) => void;

/**
 * Sent through the client's bootstrap connection and retry hooks, in the highest version both sides
 * speak (the client's own negotiation: v4 on Kafka 4, v3 on 3.x, lower on a cluster without features).
 */
export function fetchApiVersions(admin: Admin): Promise<ApiVersionsWithFeatures> {
  return new Promise((resolve, reject) => {
    const done: Callback<ApiVersionsResponse> = (error, response) =>
      error || !response
        ? reject(error ?? new Error("Empty ApiVersions response."))
        : resolve({ apis: response.apiKeys, finalizedFeatures: finalizedFeaturesOf(response) });
    admin[kPerformWithRetry]<ApiVersionsResponse>(
      "console-api-versions",
      (retryCallback, attempt) => {
        admin[kGetBootstrapConnection]((error, connection) => {
          if (error || !connection) return retryCallback(error ?? new Error("No bootstrap connection."));
          admin[kGetApi]<Parameters<ApiVersionsApi>, ApiVersionsResponse>("ApiVersions", (apiError, api) => {
            if (apiError || !api) return retryCallback(apiError ?? new Error("No ApiVersions API."));
            (api as unknown as ApiVersionsApi)(
              connection,
              clientSoftwareName,
              clientSoftwareVersion,
              retryCallback,
            );
          });
        }, attempt);
      },
      done,
    );
  });
}

/** The library answers v0–v2 without the field, and v3+ with [] when the broker sent none. */
export function finalizedFeaturesOf(
  response: Pick<ApiVersionsResponse, "finalizedFeatures">,
): FinalizedFeature[] {
  return (response.finalizedFeatures ?? [])
    .map(({ name, minVersionLevel, maxVersionLevel }) => ({ name, minVersionLevel, maxVersionLevel }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
