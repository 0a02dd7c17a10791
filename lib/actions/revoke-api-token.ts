"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import * as auth from "@/lib/server/auth";
import { apiTokensPath } from "@/lib/paths";

const revokeApiTokenSchema = z.object({ tokenId: z.string().min(1).max(100) });

/** Clients using the token are refused from the next request on. */
export const revokeApiToken = auth.guardedAction(
  { permission: "token.manage", schema: revokeApiTokenSchema },
  async (input, principal) => {
    const result = await auth.revokeApiToken(input.tokenId, principal);
    if (result.ok) revalidatePath(apiTokensPath());
    return result;
  },
);
