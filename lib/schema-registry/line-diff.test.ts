import { describe, expect, it } from "vitest";

import { diffCounts, lineDiff } from "./line-diff";

describe("lineDiff", () => {
  it("marks nothing when the texts are equal", () => {
    expect(lineDiff("a\nb", "a\nb")).toEqual([
      { kind: "same", text: "a" },
      { kind: "same", text: "b" },
    ]);
  });

  it("finds a line added in the middle and one removed at the end", () => {
    const lines = lineDiff("{\n  id\n}\nold", "{\n  id\n  amount\n}");
    expect(lines).toEqual([
      { kind: "same", text: "{" },
      { kind: "same", text: "  id" },
      { kind: "added", text: "  amount" },
      { kind: "same", text: "}" },
      { kind: "removed", text: "old" },
    ]);
    expect(diffCounts(lines)).toEqual({ added: 1, removed: 1 });
  });

  it("shows a changed line as removed then added", () => {
    expect(lineDiff("x: int", "x: string")).toEqual([
      { kind: "removed", text: "x: int" },
      { kind: "added", text: "x: string" },
    ]);
  });

  it("keeps every line of either side", () => {
    const before = "a\nb\nc\nd";
    const after = "b\nx\nd\ne";
    const lines = lineDiff(before, after);
    expect(lines.filter((line) => line.kind !== "added").map((line) => line.text)).toEqual(
      before.split("\n"),
    );
    expect(lines.filter((line) => line.kind !== "removed").map((line) => line.text)).toEqual(
      after.split("\n"),
    );
  });
});
