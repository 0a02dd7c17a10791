// How the benchmark's search server process is started: "npm start" with the runtime settings the
// console's start uses (scripts/server-runtime.ts), and "untuned" without them, to show what they
// save. Neither changes what the console computes, only where its garbage sits.
import { SERVER_EXEC_ARGV, SERVER_MALLOC_ENV } from "../../scripts/server-runtime";

export interface ServerRuntime {
  name: "untuned" | "npm start";
  execArgv: string[];
  env: Record<string, string>;
}

export const UNTUNED_RUNTIME: ServerRuntime = { name: "untuned", execArgv: [], env: {} };

export const DEFAULT_RUNTIME: ServerRuntime = {
  name: "npm start",
  execArgv: SERVER_EXEC_ARGV,
  env: { ...SERVER_MALLOC_ENV },
};

export const describeRuntime = (runtime: ServerRuntime) =>
  runtime.name === "untuned"
    ? "untuned runtime"
    : `npm start's runtime: ${[...runtime.execArgv, ...Object.entries(runtime.env).map(([k, v]) => `${k}=${v}`)].join(" ")}`;
