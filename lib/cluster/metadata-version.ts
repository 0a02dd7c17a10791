// Kafka's `metadata.version` feature levels (KRaft, KIP-778) and the releases that introduced them,
// as the MetadataVersion enum of org.apache.kafka.server.common defines them (read from the
// kafka-server-common 3.9.2 and 4.3.1 jars). Levels are never reused, so a level names one release.

/** The name Kafka gives a level ("3.9-IV0") and the release it first shipped in ("3.9"). */
export interface MetadataVersion {
  level: number;
  name: string;
  release: string;
}

// prettier-ignore
const LEVELS: [level: number, name: string][] = [
  [15, "3.7-IV0"], [16, "3.7-IV1"], [17, "3.7-IV2"], [18, "3.7-IV3"], [19, "3.7-IV4"],
  [20, "3.8-IV0"],
  [21, "3.9-IV0"],
  [22, "4.0-IV0"], [23, "4.0-IV1"], [24, "4.0-IV2"], [25, "4.0-IV3"],
  [26, "4.1-IV0"], [27, "4.1-IV1"],
  [28, "4.2-IV0"], [29, "4.2-IV1"],
  [30, "4.3-IV0"],
];

const BY_LEVEL = new Map(
  LEVELS.map(([level, name]) => [level, { level, name, release: name.slice(0, name.indexOf("-")) }]),
);

export const OLDEST_KNOWN_LEVEL = LEVELS[0]![0];
export const NEWEST_KNOWN_LEVEL = LEVELS[LEVELS.length - 1]![0];
export const NEWEST_KNOWN_RELEASE = BY_LEVEL.get(NEWEST_KNOWN_LEVEL)!.release;
export const OLDEST_KNOWN_RELEASE = BY_LEVEL.get(OLDEST_KNOWN_LEVEL)!.release;

/** The level's name and release, or undefined outside the table (older than 3.7, newer than 4.3). */
export function metadataVersionOf(level: number): MetadataVersion | undefined {
  return BY_LEVEL.get(level);
}
