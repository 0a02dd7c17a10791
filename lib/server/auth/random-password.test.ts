import { describe, expect, it } from "vitest";

import { newPasswordSchema } from "@/lib/schemas/auth";

import { randomPassword } from "./random-password";

describe("randomPassword", () => {
  it("makes 24 unambiguous characters in groups, different each time, acceptable as a new password", () => {
    const seen = new Set<string>();
    for (let round = 0; round < 100; round++) {
      const password = randomPassword();
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{6}(?:-[A-HJ-NP-Za-km-z2-9]{6}){3}$/);
      expect(newPasswordSchema.safeParse(password).success).toBe(true);
      seen.add(password);
    }
    expect(seen.size).toBe(100);
  });
});
