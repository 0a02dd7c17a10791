// How the console's server process runs (issue 11): a young generation of at most 8 MB per
// semi-space (V8 otherwise grows it to 64 MB each on a large machine and keeps the pages), and glibc
// malloc told to give large blocks back at once instead of keeping them in per-thread arenas.
// Neither changes what the console computes, only where its garbage sits: a full scan's peak RSS
// went from 507 to 348 MB (`npm run bench -- message-search`). `npm start` sets the same values in
// package.json (a unit test keeps them equal); the demo and the e2e server spawn with these.

/** Node options for the server process. */
export const SERVER_EXEC_ARGV = ["--max-semi-space-size=8"];

/** glibc malloc settings; read when the process starts, so they must be in its environment. */
export const SERVER_MALLOC_ENV: Readonly<Record<string, string>> = {
  // Two arenas instead of eight per core: worker and libuv threads stop holding their own free memory.
  MALLOC_ARENA_MAX: "2",
  // Blocks from 128 KiB (fetched responses, encoded events) are mapped and unmapped, never cached.
  MALLOC_MMAP_THRESHOLD_: "131072",
  MALLOC_TRIM_THRESHOLD_: "1048576",
};

/** The server's environment: the malloc settings unless the operator set their own, then `env`. */
export function serverEnvironment<T extends Record<string, string | undefined>>(env: T): T {
  const defaults = Object.fromEntries(
    Object.entries(SERVER_MALLOC_ENV).filter(([name]) => env[name] === undefined),
  );
  return { ...defaults, ...env };
}
