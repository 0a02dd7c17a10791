"use server";

import { revalidatePath } from "next/cache";
import { createApiTokenSchema } from "@/lib/schemas/auth";
import * as auth from "@/lib/server/auth";
import { apiTokensPath } from "@/lib/paths";

const guardedCreate = auth.guardedAction(
  { permission: "token.manage", schema: createApiTokenSchema },
  async (input, principal) => {
    const result = await auth.createApiToken(input, principal);
    if (result.ok) revalidatePath(apiTokensPath());
    return result;
  },
);

/** A named token with a role and optional expiry; its secret is returned once, stored only hashed. */
export async function createApiToken(...[previous, payload]: Parameters<typeof guardedCreate>) {
  // An empty expiry field means "never"; the schema would coerce "" to 0 days and refuse it.
  if (payload instanceof FormData && payload.get("expiresInDays") === "") payload.delete("expiresInDays");
  return guardedCreate(previous, payload);
}
