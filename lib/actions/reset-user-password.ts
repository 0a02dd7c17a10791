"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import * as auth from "@/lib/server/auth";
import { usersPath } from "@/lib/paths";

const resetUserPasswordSchema = z.object({ userId: z.string().min(1).max(100) });

/** A new random password, returned once; the user is signed out everywhere and must change it. */
export const resetUserPassword = auth.guardedAction(
  { permission: "user.manage", schema: resetUserPasswordSchema },
  async (input, principal) => {
    const result = await auth.resetUserPassword(input.userId, principal);
    if (result.ok) revalidatePath(usersPath());
    return result;
  },
);
