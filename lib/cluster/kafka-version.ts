// The Kafka version a cluster reports or implies. Exact where the cluster says it: a KRaft cluster's
// finalized `metadata.version` level (ApiVersions v3+). Else "at least", from its ApiVersions answer:
// each marker is an API or a version floor that first appeared in that release, so a gateway or a
// fork may only be "at least".
import type { ApiVersionRange, FinalizedFeature } from "@/lib/schemas/cluster";

import {
  metadataVersionOf,
  NEWEST_KNOWN_LEVEL,
  NEWEST_KNOWN_RELEASE,
  OLDEST_KNOWN_RELEASE,
} from "./metadata-version";

type Marker = { release: string; present: (ranges: Map<number, ApiVersionRange>) => boolean };

// Newest first; checked against the ApiVersions tables of Kafka 3.7, 3.9 and 4.3 in the unit test.
const MARKERS: Marker[] = [
  // KIP-896: 4.0 removed the oldest request versions, so Fetch starts at v4 (and goes to v17 at least;
  // a gateway may raise the floor too, without speaking the newer versions).
  {
    release: "4.0",
    present: (ranges) => (ranges.get(1)?.minVersion ?? 0) >= 4 && (ranges.get(1)?.maxVersion ?? 0) >= 17,
  },
  // AddRaftVoter (KIP-853).
  { release: "3.9", present: (ranges) => ranges.has(80) },
  // DescribeTopicPartitions (KIP-966).
  { release: "3.8", present: (ranges) => ranges.has(75) },
  // ListClientMetricsResources (KIP-714).
  { release: "3.7", present: (ranges) => ranges.has(74) },
];

/** "4.0 or later", or undefined when the answer predates every marker (or is empty). */
export function kafkaReleaseAtLeast(apiVersions: readonly ApiVersionRange[]): string | undefined {
  if (apiVersions.length === 0) return undefined;
  const ranges = new Map(apiVersions.map((range) => [range.apiKey, range]));
  return MARKERS.find((marker) => marker.present(ranges))?.release;
}

export interface KafkaVersion {
  /** "Kafka 4.3 (metadata.version 4.3-IV0)", "Kafka 4.0 or later", … */
  label: string;
  /** Where the label comes from and what it cannot tell, for a tooltip or a note. */
  basis: string;
}

const FROM_METADATA_VERSION =
  "The cluster's finalized metadata.version. After an upgrade it stays at the old level until an " +
  "operator raises it (kafka-features.sh upgrade), so the brokers may run a newer release.";
const FROM_API_VERSIONS =
  "Inferred from the APIs the cluster offers (ApiVersions), so a lower bound: the cluster reports no " +
  "metadata.version (ZooKeeper-mode Kafka, gateways and other Kafka-API implementations do not).";

/** The finalized metadata.version level, or undefined when the cluster reports none. */
export function metadataVersionLevel(features: readonly FinalizedFeature[]): number | undefined {
  const level = features.find((feature) => feature.name === "metadata.version")?.maxVersionLevel;
  return level !== undefined && level > 0 ? level : undefined;
}

/** What the clusters page and the overview show. */
export function describeKafkaVersion(
  apiVersions: readonly ApiVersionRange[],
  finalizedFeatures: readonly FinalizedFeature[] = [],
): KafkaVersion {
  const atLeast = kafkaReleaseAtLeast(apiVersions);
  const level = metadataVersionLevel(finalizedFeatures);
  if (level === undefined) {
    if (atLeast) return { label: `Kafka ${atLeast} or later`, basis: FROM_API_VERSIONS };
    const label = apiVersions.length === 0 ? "Unknown" : `Older than Kafka ${OLDEST_KNOWN_RELEASE}`;
    return { label, basis: FROM_API_VERSIONS };
  }
  const known = metadataVersionOf(level);
  const reported = known ? `metadata.version ${known.name}` : `metadata.version level ${level}`;
  const newer = level > NEWEST_KNOWN_LEVEL;
  // Upgraded brokers whose metadata.version was not raised yet: their APIs tell a newer floor.
  if (atLeast && !newer && (!known || compareReleases(atLeast, known.release) > 0)) {
    return { label: `Kafka ${atLeast} or later (${reported})`, basis: FROM_METADATA_VERSION };
  }
  if (known) return { label: `Kafka ${known.release} (${reported})`, basis: FROM_METADATA_VERSION };
  const label = newer
    ? `Kafka newer than ${NEWEST_KNOWN_RELEASE} (${reported})`
    : `Kafka older than ${OLDEST_KNOWN_RELEASE} (${reported})`;
  return { label, basis: FROM_METADATA_VERSION };
}

/** Numeric "major.minor" order: "4.10" is newer than "4.9". */
function compareReleases(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = b.split(".").map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
