import { describe, expect, it } from "vitest";

import { removesLastAdmin } from "./admin-rules";

const admin = { id: "a", role: "admin" as const, disabledAt: null };
const otherAdmin = { id: "b", role: "admin" as const, disabledAt: null };
const disabledAdmin = { id: "c", role: "admin" as const, disabledAt: "2026-01-01T00:00:00.000Z" };
const viewer = { id: "v", role: "viewer" as const, disabledAt: null };

describe("removesLastAdmin", () => {
  it("refuses to demote, disable or delete the only enabled admin", () => {
    const users = [admin, disabledAdmin, viewer];
    expect(removesLastAdmin(users, "a", { role: "operator" })).toBe(true);
    expect(removesLastAdmin(users, "a", { disabled: true })).toBe(true);
    expect(removesLastAdmin(users, "a", { deleted: true })).toBe(true);
  });

  it("allows it when another enabled admin remains", () => {
    expect(removesLastAdmin([admin, otherAdmin], "a", { role: "viewer" })).toBe(false);
  });

  it("allows harmless changes and changes to non-admins", () => {
    const users = [admin, viewer];
    expect(removesLastAdmin(users, "a", { role: "admin" })).toBe(false);
    expect(removesLastAdmin(users, "a", { disabled: false })).toBe(false);
    expect(removesLastAdmin(users, "v", { deleted: true })).toBe(false);
    expect(removesLastAdmin(users, "c", { deleted: true })).toBe(false);
    expect(removesLastAdmin(users, "missing", { deleted: true })).toBe(false);
  });
});
