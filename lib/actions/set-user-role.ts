"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { roleSchema } from "@/lib/schemas/auth";
import * as auth from "@/lib/server/auth";
import { usersPath } from "@/lib/paths";

const setUserRoleSchema = z.object({ userId: z.string().min(1).max(100), role: roleSchema });

/** The last admin cannot be demoted; auth.setUserRole answers 409 for that. */
export const setUserRole = auth.guardedAction(
  { permission: "user.manage", schema: setUserRoleSchema },
  async (input, principal) => {
    const result = await auth.setUserRole(input.userId, input.role, principal);
    if (result.ok) revalidatePath(usersPath());
    return result;
  },
);
