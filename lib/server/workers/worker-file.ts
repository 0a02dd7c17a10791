import "server-only";

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The absolute path of a worker module kept as plain JavaScript in the project (not bundled), e.g.
 * "lib/server/ca/ca-worker.mjs". Next's server bundle has no stable path back to the sources, so the
 * project root is the working directory (npm start, npm run, vitest) or the directory of the
 * started script (node /srv/console/server.mjs from elsewhere).
 */
export function workerFile(relativePath: string): string {
  const roots = [process.cwd(), process.argv[1] ? dirname(process.argv[1]) : undefined];
  for (const root of roots) {
    if (!root) continue;
    const candidate = join(/* turbopackIgnore: true */ root, relativePath);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `Worker module ${relativePath} not found under ${roots.filter(Boolean).join(" or ")}: start the console from its directory.`,
  );
}
