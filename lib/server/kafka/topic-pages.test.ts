import { describe, expect, it } from "vitest";

import { messageCount, selectTopicPage } from "./topic-pages";

const topics = Array.from({ length: 10_000 }, (_, index) => ({
  name: `topic-${String(index).padStart(5, "0")}`,
  internal: false,
}));
const withInternal = [...topics, { name: "__consumer_offsets", internal: true }];

describe("selectTopicPage", () => {
  it("sorts by a figure largest first, unknown figures last, ties by name", () => {
    const sized = [
      { name: "b", internal: false, size: 10n },
      { name: "a", internal: false, size: 10n },
      { name: "c", internal: false, size: null },
      { name: "d", internal: false, size: 99n },
      { name: "__x", internal: true, size: 1000n },
    ];
    const page = selectTopicPage(sized, { sort: "size" }, (topic) => topic.size);
    expect(page.topics.map((topic) => topic.name)).toEqual(["d", "a", "b", "c"]);
    const second = selectTopicPage(sized, { sort: "size", pageSize: 2, page: 2 }, (topic) => topic.size);
    expect(second.topics.map((topic) => topic.name)).toEqual(["b", "c"]);
  });

  it("sorts 10,000 topics by a figure", () => {
    const page = selectTopicPage(topics, { pageSize: 3 }, (topic) => BigInt(topic.name.slice(-2)));
    expect(page.topics.map((topic) => topic.name)).toEqual(["topic-00099", "topic-00199", "topic-00299"]);
  });

  it("sorts by name and slices the requested page", () => {
    const page = selectTopicPage([...topics].reverse(), { page: 3, pageSize: 50 });
    expect(page.total).toBe(10_000);
    expect(page.page).toBe(3);
    expect(page.topics.map((topic) => topic.name)).toEqual(
      Array.from({ length: 50 }, (_, index) => `topic-${String(100 + index).padStart(5, "0")}`),
    );
  });

  it("filters by a case-insensitive substring before paginating", () => {
    const page = selectTopicPage(topics, { q: " TOPIC-0999 ", pageSize: 5 });
    expect(page.total).toBe(10);
    expect(page.topics.map((topic) => topic.name)).toEqual([
      "topic-09990",
      "topic-09991",
      "topic-09992",
      "topic-09993",
      "topic-09994",
    ]);
  });

  it("leaves internal topics out unless asked for", () => {
    expect(selectTopicPage(withInternal, { q: "consumer" }).total).toBe(0);
    expect(selectTopicPage(withInternal, { q: "consumer", internal: true }).topics).toEqual([
      { name: "__consumer_offsets", internal: true },
    ]);
  });

  it("clamps a page past the end to the last page and bounds the page size", () => {
    expect(selectTopicPage(topics, { page: 999, pageSize: 100 })).toMatchObject({ page: 100, total: 10_000 });
    expect(selectTopicPage(topics, { pageSize: 100_000 }).pageSize).toBe(500);
    expect(selectTopicPage(topics, { page: 0, pageSize: 0 })).toMatchObject({ page: 1, pageSize: 1 });
    expect(selectTopicPage([], { page: 4 })).toMatchObject({ page: 1, total: 0, topics: [] });
  });

  it("stays fast with 10,000 topics", () => {
    const started = performance.now();
    for (let round = 0; round < 20; round++) selectTopicPage(topics, { q: "1", page: 7 });
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});

describe("messageCount", () => {
  it("sums high − low as an exact decimal beyond 2^53", () => {
    expect(
      messageCount([
        { low: 0n, high: 9_007_199_254_740_993n },
        { low: 5n, high: 7n },
      ]),
    ).toBe("9007199254740995");
  });

  it("counts an emptied partition (low = high) as zero", () => {
    expect(messageCount([{ low: 42n, high: 42n }])).toBe("0");
  });

  it("is unknown when any partition's watermarks are missing", () => {
    expect(messageCount([{ low: 0n, high: 3n }, undefined])).toBeNull();
  });
});
