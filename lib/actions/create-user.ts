"use server";

import { revalidatePath } from "next/cache";
import { createUserSchema } from "@/lib/schemas/auth";
import * as auth from "@/lib/server/auth";
import { usersPath } from "@/lib/paths";

/** Adds a user with a random initial password, returned once for the admin to hand over. */
export const createUser = auth.guardedAction(
  { permission: "user.manage", schema: createUserSchema },
  async (input, principal) => {
    const result = await auth.createUser(input, principal);
    if (result.ok) revalidatePath(usersPath());
    return result;
  },
);
