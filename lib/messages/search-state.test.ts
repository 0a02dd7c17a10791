import { describe, expect, it } from "vitest";
import type { FilterFailure } from "./events";
import {
  applySearchEvent,
  closedSearch,
  failureFromResponse,
  MAX_SHOWN_FILTER_ERRORS,
  partitionFraction,
  startedSearch,
} from "./search-state";

const counters = { scanned: 10, matched: 2, bytes: 300, elapsedMs: 40 };

describe("applySearchEvent", () => {
  it("takes the plan's partitions and notices, then progress and the summary", () => {
    let state = startedSearch(false);
    state = applySearchEvent(state, {
      type: "plan",
      tail: false,
      notices: ["Offset 900 is past the end of partition 0: starting at 12"],
      partitions: [{ partition: 0, low: "0", high: "12", start: "0", position: "0", end: "12" }],
    });
    expect(state.partitions).toEqual([{ partition: 0, position: "0", end: "12" }]);
    expect(state.notices).toHaveLength(1);
    state = applySearchEvent(state, {
      type: "progress",
      counters,
      partitions: [{ partition: 0, position: "6", end: "12" }],
    });
    expect(partitionFraction(state.plan[0], state.partitions[0]!)).toBe(0.5);
    state = applySearchEvent(state, {
      type: "done",
      reason: "end",
      counters,
      partitions: [{ partition: 0, position: "12", end: "12" }],
      filterErrors: 0,
    });
    expect(state).toMatchObject({ status: "done", reason: "end", counters });
  });

  it("counts every filter error but keeps only the first ones", () => {
    const failure: FilterFailure = { partition: 1, offset: "7", kind: "exception", message: "boom" };
    let state = startedSearch(false);
    for (let index = 0; index < MAX_SHOWN_FILTER_ERRORS + 5; index += 1)
      state = applySearchEvent(state, { type: "filter-error", failure });
    expect(state.filterErrorCount).toBe(MAX_SHOWN_FILTER_ERRORS + 5);
    expect(state.filterErrors).toHaveLength(MAX_SHOWN_FILTER_ERRORS);
  });

  it("fails on an error event", () => {
    const state = applySearchEvent(startedSearch(true), {
      type: "error",
      problem: { title: "Broker gone", hint: "Retry" },
    });
    expect(state).toMatchObject({ status: "failed", failure: { title: "Broker gone" } });
  });
});

describe("closedSearch", () => {
  it("ends as stopped when Stop was pressed, as a lost connection otherwise", () => {
    expect(closedSearch({ ...startedSearch(true), stopRequested: true })).toMatchObject({
      status: "done",
      reason: "stopped",
    });
    expect(closedSearch(startedSearch(true)).status).toBe("failed");
  });
});

describe("failureFromResponse", () => {
  it("keeps the syntax error's position", () => {
    const syntax = { field: "jsonPath" as const, message: "Unexpected token", position: 4 };
    expect(
      failureFromResponse(400, { error: { code: "FILTER_SYNTAX", message: "Bad JSON path", syntax } }),
    ).toEqual({
      status: 400,
      code: "FILTER_SYNTAX",
      title: "A filter is not valid",
      hint: "Bad JSON path",
      syntax,
    });
  });

  it("names the missing ACL from the server's message and survives a body that is not JSON", () => {
    expect(failureFromResponse(403, { error: { message: "Grant READ on topic t" } }).hint).toBe(
      "Grant READ on topic t",
    );
    expect(failureFromResponse(504, null)).toMatchObject({ title: "The cluster did not answer in time" });
  });
});

describe("partitionFraction", () => {
  it("is null while tailing and 1 for an empty range", () => {
    const plan = { partition: 0, low: "5", high: "5", start: "5", position: "5", end: "5" };
    expect(partitionFraction(plan, { partition: 0, position: "5", end: null })).toBeNull();
    expect(partitionFraction(plan, { partition: 0, position: "5", end: "5" })).toBe(1);
  });
});
