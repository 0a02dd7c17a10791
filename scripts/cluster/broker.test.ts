import { describe, expect, it } from "vitest";

import { newClusterId } from "./broker";

describe("newClusterId", () => {
  it("is a 22-character base64url id", () => {
    expect(newClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it("draws again when the id would start with '-', which the storage tool reads as an option", () => {
    const draws = [Buffer.alloc(16, 0xfb), Buffer.alloc(16, 0x04)];
    const id = newClusterId(() => draws.shift()!);
    expect(Buffer.alloc(16, 0xfb).toString("base64url").startsWith("-")).toBe(true);
    expect(id).toBe(Buffer.alloc(16, 0x04).toString("base64url"));
    expect(draws).toHaveLength(0);
  });
});
