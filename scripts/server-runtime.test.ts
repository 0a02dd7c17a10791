import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { SERVER_EXEC_ARGV, SERVER_MALLOC_ENV, serverEnvironment } from "./server-runtime";

describe("the server's runtime settings", () => {
  it("are what npm start runs with, each malloc setting overridable by the operator", () => {
    const { scripts } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      scripts: Record<string, string>;
    };
    const expected = [
      ...Object.entries(SERVER_MALLOC_ENV).map(([name, value]) => `${name}=\${${name}:-${value}}`),
      "node",
      ...SERVER_EXEC_ARGV,
      "server.mjs",
    ].join(" ");
    expect(scripts.start).toBe(expected);
  });

  it("keeps an operator's own malloc setting and adds the others", () => {
    const env = serverEnvironment({ MALLOC_ARENA_MAX: "4", PORT: "3000" });
    expect(env).toMatchObject({ MALLOC_ARENA_MAX: "4", MALLOC_MMAP_THRESHOLD_: "131072", PORT: "3000" });
  });
});
