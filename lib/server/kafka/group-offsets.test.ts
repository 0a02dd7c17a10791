import type { Admin } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import { committedLag, readGroupOffsets, type CommittedOffsets, type LogEnds } from "./group-offsets";
import { totalLag } from "./group-pages";

const committed = (groupId: string, topics: Record<string, [number, bigint][]>): CommittedOffsets => ({
  groupId,
  topics: Object.entries(topics).map(([name, partitions]) => ({
    name,
    partitions: partitions.map(([partitionIndex, committedOffset]) => ({
      partitionIndex,
      committedOffset,
      committedLeaderEpoch: -1,
      metadata: "",
    })),
  })),
});

const logEnds: LogEnds = new Map([
  [
    "orders",
    new Map([
      [0, 10n],
      [1, 5n],
      [2, 7n],
    ]),
  ],
  ["events", new Map([[0, 3n]])],
]);

/** Never asked: the offsets are known. */
const noAdmin = {} as Admin;

describe("committedLag", () => {
  it("sums log end − committed over committed partitions, a commit past the end counting 0", () => {
    expect(
      committedLag(
        committed("g", {
          orders: [
            [0, 4n],
            [1, 9n],
          ],
          events: [[0, 1n]],
        }),
        logEnds,
      ),
    ).toBe(8n);
  });

  it("skips partitions without a commit (-1) and is null when nothing is committed", () => {
    expect(
      committedLag(
        committed("g", {
          orders: [
            [0, -1n],
            [2, 7n],
          ],
        }),
        logEnds,
      ),
    ).toBe(0n);
    expect(committedLag(committed("g", { orders: [[0, -1n]] }), logEnds)).toBeNull();
    expect(committedLag(committed("g", {}), logEnds)).toBeNull();
  });

  it("is null when a committed partition's log end is missing, as a partial sum would look exact", () => {
    expect(
      committedLag(
        committed("g", {
          orders: [
            [0, 1n],
            [3, 1n],
          ],
        }),
        logEnds,
      ),
    ).toBeNull();
    expect(committedLag(committed("g", { gone: [[0, 1n]] }), logEnds)).toBeNull();
  });

  it("equals totalLag over the rows readGroupOffsets makes from the same answers", async () => {
    const groups = [
      committed("a", {
        orders: [
          [0, 4n],
          [1, 9n],
          [2, -1n],
        ],
        events: [[0, 1n]],
      }),
      committed("b", {
        orders: [
          [0, 1n],
          [3, 1n],
        ],
      }),
      committed("c", { orders: [[0, -1n]] }),
    ];
    const rows = await readGroupOffsets(
      noAdmin,
      groups.map(({ groupId }) => ({
        id: groupId,
        type: "classic",
        state: "Empty",
        protocolType: "consumer",
      })),
      undefined,
      { committed: new Map(groups.map((group) => [group.groupId, group])), logEnds },
    );
    for (const group of groups) {
      const fromRows = totalLag(
        rows.get(group.groupId)!.map((row) => ({
          committed: row.committedOffset === null ? null : BigInt(row.committedOffset),
          logEnd: row.logEndOffset === null ? null : BigInt(row.logEndOffset),
        })),
      );
      expect(committedLag(group, logEnds)).toBe(fromRows);
    }
  });
});

describe("readGroupOffsets with known offsets", () => {
  it("makes each group's rows sorted by topic and partition, with log end and lag, leaving out groups not read", async () => {
    const rows = await readGroupOffsets(
      noAdmin,
      [
        { id: "a", type: "classic", state: "Empty", protocolType: "consumer" },
        { id: "unread", type: "classic", state: "Empty", protocolType: "consumer" },
        { id: "s", type: "share", state: "Empty", protocolType: "share" },
      ],
      undefined,
      {
        committed: new Map([
          [
            "a",
            committed("a", {
              orders: [
                [1, 2n],
                [0, 4n],
                [3, 1n],
              ],
            }),
          ],
        ]),
        logEnds,
      },
    );
    expect([...rows.keys()]).toEqual(["a"]);
    expect(
      rows.get("a")!.map(({ partition, committedOffset, logEndOffset, lag }) => ({
        partition,
        committedOffset,
        logEndOffset,
        lag,
      })),
    ).toEqual([
      { partition: 0, committedOffset: "4", logEndOffset: "10", lag: "6" },
      { partition: 1, committedOffset: "2", logEndOffset: "5", lag: "3" },
      { partition: 3, committedOffset: "1", logEndOffset: null, lag: null },
    ]);
  });
});
