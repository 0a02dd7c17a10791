import { describe, expect, it } from "vitest";

import {
  metadataVersionOf,
  NEWEST_KNOWN_LEVEL,
  NEWEST_KNOWN_RELEASE,
  OLDEST_KNOWN_LEVEL,
  OLDEST_KNOWN_RELEASE,
} from "./metadata-version";

describe("metadataVersionOf", () => {
  it("names the levels of Kafka's MetadataVersion enum and the release each first shipped in", () => {
    expect(metadataVersionOf(15)).toEqual({ level: 15, name: "3.7-IV0", release: "3.7" });
    expect(metadataVersionOf(19)).toEqual({ level: 19, name: "3.7-IV4", release: "3.7" });
    expect(metadataVersionOf(20)).toEqual({ level: 20, name: "3.8-IV0", release: "3.8" });
    expect(metadataVersionOf(21)).toEqual({ level: 21, name: "3.9-IV0", release: "3.9" });
    expect(metadataVersionOf(22)).toEqual({ level: 22, name: "4.0-IV0", release: "4.0" });
    expect(metadataVersionOf(25)).toEqual({ level: 25, name: "4.0-IV3", release: "4.0" });
    expect(metadataVersionOf(26)).toEqual({ level: 26, name: "4.1-IV0", release: "4.1" });
    expect(metadataVersionOf(27)).toEqual({ level: 27, name: "4.1-IV1", release: "4.1" });
    expect(metadataVersionOf(28)).toEqual({ level: 28, name: "4.2-IV0", release: "4.2" });
    expect(metadataVersionOf(29)).toEqual({ level: 29, name: "4.2-IV1", release: "4.2" });
    expect(metadataVersionOf(30)).toEqual({ level: 30, name: "4.3-IV0", release: "4.3" });
  });

  it("covers 3.7-IV0 to 4.3-IV0 without a gap, releases never going back", () => {
    expect([OLDEST_KNOWN_LEVEL, OLDEST_KNOWN_RELEASE]).toEqual([15, "3.7"]);
    expect([NEWEST_KNOWN_LEVEL, NEWEST_KNOWN_RELEASE]).toEqual([30, "4.3"]);
    const releases: number[] = [];
    for (let level = OLDEST_KNOWN_LEVEL; level <= NEWEST_KNOWN_LEVEL; level++) {
      const known = metadataVersionOf(level);
      expect(known, `level ${level}`).toBeDefined();
      expect(known!.name.startsWith(`${known!.release}-IV`)).toBe(true);
      releases.push(Number(known!.release));
    }
    expect(releases).toEqual([...releases].sort((a, b) => a - b));
  });

  it("knows nothing outside the table", () => {
    expect(metadataVersionOf(14)).toBeUndefined();
    expect(metadataVersionOf(31)).toBeUndefined();
    expect(metadataVersionOf(0)).toBeUndefined();
  });
});
