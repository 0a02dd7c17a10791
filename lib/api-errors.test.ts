import { describe, expect, it } from "vitest";
import { actionError } from "@/lib/errors";
import { failureResponse } from "./api-errors";

const failure = (status: Parameters<typeof actionError>[0], fields?: Record<string, string[]>) => {
  const result = actionError(status, "message", fields);
  if (result.ok) throw new Error("unreachable");
  return result;
};

describe("failureResponse", () => {
  it("answers field errors as 422 with the fields", async () => {
    const response = failureResponse(failure(400, { validityDays: ["At most 397 days"] }));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "message",
        fields: { validityDays: ["At most 397 days"] },
      },
    });
  });

  it("keeps the service's status and lets the route name its meaning", async () => {
    const reserved = failureResponse(failure(403), { 403: "RESERVED_NAME" });
    expect(reserved.status).toBe(403);
    expect(((await reserved.json()) as { error: { code: string } }).error.code).toBe("RESERVED_NAME");
    expect(failureResponse(failure(404)).status).toBe(404);
  });
});
