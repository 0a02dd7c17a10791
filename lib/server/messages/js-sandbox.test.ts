import { describe, expect, it } from "vitest";

import { FilterWorkers, filterWorkersHolder } from "./filter-workers";
import { compileJsFilter, type JsFilter, type SandboxRecord } from "./js-sandbox";

const record = (offset: number, value: unknown = { n: offset }): SandboxRecord => ({
  key: null,
  value: { json: JSON.stringify(value) },
  headers: {},
  partition: 0,
  offset: String(offset),
  timestamp: 0,
});

async function filterOf(expression: string): Promise<JsFilter> {
  const compiled = await compileJsFilter(expression);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.filter;
}

// The probe from issue 11: typed arrays are not in QuickJS's own memory accounting.
const ALLOCATING = "((globalThis.acc = globalThis.acc || []).push(new Uint8Array(1 << 24).fill(7)), false)";

// One worker, as on a two-core machine: every search here shares it.
filterWorkersHolder.filterWorkers = new FilterWorkers(1);

describe("JavaScript filters on worker threads", () => {
  it("holds a search to its memory limit even with typed arrays, naming the record", async () => {
    const filter = await filterOf(ALLOCATING);
    const outcome = await filter.run([0, 1, 2, 3, 4].map((offset) => record(offset)));
    // 32 MiB for the filter and 16 MiB for QuickJS itself: two arrays of 16 MiB fit, the third does not.
    expect(outcome.verdicts).toEqual([false, false]);
    expect(outcome.fatal).toMatchObject({
      index: 2,
      kind: "memory",
      message: expect.stringMatching(/out of memory/),
    });
    filter.dispose();
  });

  it("replaces the thread of a sandbox that blew its limit at once; a search sharing it carries on", async () => {
    const hostile = await filterOf(ALLOCATING);
    // Counts the messages it has seen in its sandbox's global state.
    const bystander = await filterOf("(globalThis.seen = (globalThis.seen || 0) + 1) === 1");
    expect((await bystander.run([record(0), record(1)])).verdicts).toEqual([true, false]);
    expect((await hostile.run([0, 1, 2, 3].map((offset) => record(offset)))).fatal).toMatchObject({
      kind: "memory",
    });
    // Reopened on the new thread: its global state starts again, its answers are as before.
    const after = await bystander.run([record(2), record(3)]);
    expect(after).toEqual({ verdicts: [true, false], exceptions: [] });
    bystander.dispose();
    hostile.dispose();
  });

  it("lets the searches on a worker take turns: a small batch is not held behind a long one", async () => {
    const heavy = await filterOf(
      "(() => { let s = 0; for (let i = 0; i < 200000; i++) s += i; return false; })()",
    );
    const light = await filterOf("value.n === 3");
    const finished: string[] = [];
    const long = heavy.run(Array.from({ length: 1_000 }, (_, offset) => record(offset))).then((outcome) => {
      finished.push("heavy");
      return outcome;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const quick = await light.run([record(3)]);
    finished.push("light");
    expect(quick.verdicts).toEqual([true]);
    expect(finished).toEqual(["light"]);
    heavy.dispose();
    light.dispose();
    // Disposed mid-run: the rest of the long batch is given up, not waited for.
    await long;
  });

  it("keeps verdicts and exceptions in order across the tasks of a large batch, prepared one ahead", async () => {
    const filter = await filterOf(
      'value.n % 1000 === 0 ? (() => { throw new Error("boom") })() : value.n % 7 === 0',
    );
    let prepared = 0;
    const records = Array.from({ length: 3_000 }, (_, offset) => record(offset));
    const outcome = await filter.run({
      length: records.length,
      at: (index) => (prepared++, records[index]),
    });
    expect(prepared).toBe(3_000);
    expect(outcome.fatal).toBeUndefined();
    expect(outcome.verdicts).toEqual(records.map((_, n) => n % 1000 !== 0 && n % 7 === 0));
    expect(outcome.exceptions.map(({ index }) => index)).toEqual([0, 1_000, 2_000]);
    expect(outcome.exceptions[0]!.message).toMatch(/boom/);
    filter.dispose();
  });

  it("refuses a syntax error before any record, with its position", async () => {
    const compiled = await compileJsFilter("value.n >");
    expect(compiled).toMatchObject({
      ok: false,
      error: { field: "js", message: expect.stringMatching(/SyntaxError/) },
    });
  });
});
