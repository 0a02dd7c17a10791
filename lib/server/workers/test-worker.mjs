// A worker for worker-pool.test.ts: answers, throws, never returns, dies.
import { threadId } from "node:worker_threads";

import { serveTasks } from "./serve-tasks.mjs";

serveTasks({
  echo: (input) => ({ input, threadId }),
  fail: (message) => {
    throw new Error(message);
  },
  spin: () => {
    for (;;);
  },
  exit: (code) => process.exit(code),
  allocate: () => {
    const kept = [];
    for (;;) kept.push(new Array(1e6).fill(kept.length));
  },
});
