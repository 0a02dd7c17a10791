import { afterEach, describe, expect, it } from "vitest";

import { workerFile } from "./worker-file";
import {
  WorkerPool,
  type WorkerPoolOptions,
  WorkerPoolBusyError,
  WorkerTaskFailedError,
  WorkerTaskTimeoutError,
} from "./worker-pool";

const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function pool(options: Partial<WorkerPoolOptions> = {}): WorkerPool {
  const created = new WorkerPool({
    name: "test work",
    file: workerFile("lib/server/workers/test-worker.mjs"),
    timeoutMs: 10_000,
    ...options,
  });
  pools.push(created);
  return created;
}

type Echo = { input: unknown; threadId: number };

describe("WorkerPool", () => {
  it("runs tasks in worker threads, reusing at most `size` of them", async () => {
    const workers = pool({ size: 2 });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, n) => workers.run<Echo>("echo", { n })));
    expect(answers.map((answer) => answer.input)).toEqual([0, 1, 2, 3, 4, 5].map((n) => ({ n })));
    const threads = new Set(answers.map((answer) => answer.threadId));
    expect(threads.size).toBeLessThanOrEqual(2);
    expect(threads.has(0)).toBe(false);
  });

  it("moves transferred buffers to the worker instead of copying them", async () => {
    const workers = pool({ size: 1 });
    const bytes = new Uint8Array([1, 2, 3]);
    const answer = await workers.run<Echo>("echo", bytes, { transfer: [bytes.buffer] });
    expect(bytes.byteLength).toBe(0);
    expect([...(answer.input as Uint8Array)]).toEqual([1, 2, 3]);
  });

  it("passes a task's error on, and the worker goes on serving", async () => {
    const workers = pool({ size: 1 });
    await expect(workers.run("fail", "bad input")).rejects.toThrow(new WorkerTaskFailedError("bad input"));
    await expect(workers.run("nothing-like-it", null)).rejects.toThrow(/no task "nothing-like-it"/);
    expect(await workers.run<Echo>("echo", 1)).toMatchObject({ input: 1 });
  });

  it("terminates a task past its time limit with a specific error; the next task gets a new worker", async () => {
    const workers = pool({ size: 1 });
    const first = await workers.run<Echo>("echo", 0);
    await expect(workers.run("spin", null, { timeoutMs: 300 })).rejects.toThrow(
      new WorkerTaskTimeoutError("The test work took longer than 0.3 s and was stopped."),
    );
    const next = await workers.run<Echo>("echo", 1);
    expect(next.threadId).not.toBe(first.threadId);
  });

  it("answers busy at once when the queue is full, and runs what it took", async () => {
    const workers = pool({ size: 1, maxQueued: 1 });
    const running = workers.run("spin", null, { timeoutMs: 500 });
    const queued = workers.run<Echo>("echo", "queued");
    await expect(workers.run("echo", "one too many")).rejects.toBeInstanceOf(WorkerPoolBusyError);
    await expect(workers.run("echo", "one too many")).rejects.toThrow(
      /busy with other test work \(1 running, 1 waiting\)/,
    );
    await expect(running).rejects.toBeInstanceOf(WorkerTaskTimeoutError);
    expect(await queued).toMatchObject({ input: "queued" });
  });

  it("fails the task of a worker that exits or runs out of heap, then carries on", async () => {
    const workers = pool({ size: 1, maxHeapMb: 32 });
    await expect(workers.run("exit", 3)).rejects.toThrow(/worker stopped \(exit code 3\)/);
    await expect(workers.run("allocate", null)).rejects.toBeInstanceOf(WorkerTaskFailedError);
    expect(await workers.run<Echo>("echo", "after")).toMatchObject({ input: "after" });
  });

  it("rejects what is running and waiting when closed", async () => {
    const workers = pool({ size: 1 });
    const running = expect(workers.run("spin", null)).rejects.toThrow(/pool was closed/);
    const waiting = expect(workers.run("echo", null)).rejects.toThrow(/pool was closed/);
    await workers.close();
    await Promise.all([running, waiting]);
  });
});
