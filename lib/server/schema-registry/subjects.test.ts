import { describe, expect, it } from "vitest";

import { pageOfSubjects } from "./subjects";

const subjects = Array.from(
  { length: 10_000 },
  (_, index) => `topic-${String(index).padStart(5, "0")}-value`,
);

describe("pageOfSubjects", () => {
  it("pages 10,000 subjects and searches by name, case-insensitively", () => {
    expect(pageOfSubjects("c", subjects, { page: 3, pageSize: 100 })).toMatchObject({
      total: 10_000,
      page: 3,
      pageSize: 100,
      subjects: expect.arrayContaining(["topic-00200-value", "topic-00299-value"]),
    });
    const found = pageOfSubjects("c", subjects, { q: "TOPIC-0999" });
    expect(found.total).toBe(10);
    expect(found.subjects[0]).toBe("topic-09990-value");
  });

  it("keeps a page past the end on the last page, and answers an empty list", () => {
    expect(pageOfSubjects("c", subjects, { page: 999, pageSize: 500 }).page).toBe(20);
    expect(pageOfSubjects("c", [], { q: "x" })).toEqual({
      cluster: "c",
      subjects: [],
      total: 0,
      page: 1,
      pageSize: 50,
    });
  });
});
