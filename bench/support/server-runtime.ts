// How the benchmark's search server process is started. "default" is how `npm start` runs the console
// today; "tuned" adds the memory settings proposed for the server's start (issue 11): a young
// generation of at most 8 MB per semi-space (V8 otherwise grows it to 64 MB each on a large machine,
// and keeps the pages), and glibc malloc told to give large blocks back at once instead of keeping
// them in per-thread arenas. Neither changes what the console computes, only where its garbage sits.
export interface ServerRuntime {
  name: "default" | "tuned";
  execArgv: string[];
  env: Record<string, string>;
}

export const DEFAULT_RUNTIME: ServerRuntime = { name: "default", execArgv: [], env: {} };

export const TUNED_RUNTIME: ServerRuntime = {
  name: "tuned",
  execArgv: ["--max-semi-space-size=8"],
  env: {
    // Two arenas instead of eight per core: worker and libuv threads stop holding their own free memory.
    MALLOC_ARENA_MAX: "2",
    // Blocks from 128 KiB (fetched responses, encoded events) are mapped and unmapped, never cached.
    MALLOC_MMAP_THRESHOLD_: "131072",
    MALLOC_TRIM_THRESHOLD_: "1048576",
  },
};

export const describeRuntime = (runtime: ServerRuntime) =>
  runtime.name === "default"
    ? "default runtime"
    : `tuned runtime: ${[...runtime.execArgv, ...Object.entries(runtime.env).map(([k, v]) => `${k}=${v}`)].join(" ")}`;
