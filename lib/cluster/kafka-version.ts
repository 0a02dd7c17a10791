// The Kafka release a broker is at least, read from its ApiVersions answer: each marker is an API or
// a version floor that first appeared in that release, so a gateway or a fork may only be "at least".
import type { ApiVersionRange } from "@/lib/schemas/cluster";

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

/** What the clusters page shows. */
export function describeKafkaVersion(apiVersions: readonly ApiVersionRange[]): string {
  const release = kafkaReleaseAtLeast(apiVersions);
  if (release) return `Kafka ${release} or later`;
  return apiVersions.length === 0 ? "Unknown" : "Older than Kafka 3.7";
}
