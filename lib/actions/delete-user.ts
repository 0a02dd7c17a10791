"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import * as auth from "@/lib/server/auth";
import { usersPath } from "@/lib/paths";

const deleteUserSchema = z.object({ userId: z.string().min(1).max(100) });

/** The last admin and the acting admin cannot be deleted; auth.deleteUser answers 409 for those. */
export const deleteUser = auth.guardedAction(
  { permission: "user.manage", schema: deleteUserSchema },
  async (input, principal) => {
    const result = await auth.deleteUser(input.userId, principal);
    if (result.ok) revalidatePath(usersPath());
    return result;
  },
);
