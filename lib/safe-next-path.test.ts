import { describe, expect, it } from "vitest";

import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeNextPath("/console/topics?q=metrics#top")).toBe("/console/topics?q=metrics#top");
    expect(safeNextPath("/console/topics/a%20b")).toBe("/console/topics/a%20b");
  });

  it("falls back to /console without a value", () => {
    for (const next of [undefined, null, ""]) expect(safeNextPath(next)).toBe("/console");
  });

  // Each of these reached another host, or a path a browser reads as one, before the URL parser decided.
  it.each([
    ["a tab between the slashes", "/\t/evil.example/phish"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["CR LF between the slashes", "/\r\n/evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["slash backslash", "/\\evil.example"],
    ["backslash backslash", "\\\\evil.example"],
    ["an absolute URL", "https://evil.example/phish"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a dot segment that leaves two slashes", "/.//evil.example"],
    ["a dot segment and a backslash", "/.\\/evil.example"],
    ["leading spaces before //", "  //evil.example"],
  ])("refuses %s", (_name, next) => {
    expect(safeNextPath(next)).toBe("/console");
  });

  it("returns what the parser made of the value, never the raw string", () => {
    // A vertical tab once answered 500: it reached a header as it was.
    expect(safeNextPath("\v")).toBe("/");
    expect(safeNextPath("/console\t/topics")).toBe("/console/topics");
    // Encoded slashes stay encoded: a path segment, not another host.
    expect(safeNextPath("/%2F/evil.example")).toBe("/%2F/evil.example");
    expect(safeNextPath("/%5C/evil.example")).toBe("/%5C/evil.example");
    expect(safeNextPath("/console/<script>")).toBe("/console/%3Cscript%3E");
  });
});
