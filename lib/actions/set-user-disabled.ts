"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import * as auth from "@/lib/server/auth";
import { usersPath } from "@/lib/paths";

const setUserDisabledSchema = z.object({
  userId: z.string().min(1).max(100),
  // Forms send "true"/"false"; callers with an object send a boolean.
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});

/** Disabling ends the user's sessions; the last admin and the acting admin cannot be disabled. */
export const setUserDisabled = auth.guardedAction(
  { permission: "user.manage", schema: setUserDisabledSchema },
  async (input, principal) => {
    const result = await auth.setUserDisabled(input.userId, input.disabled, principal);
    if (result.ok) revalidatePath(usersPath());
    return result;
  },
);
