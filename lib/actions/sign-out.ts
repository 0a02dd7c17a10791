"use server";

import { z } from "zod";
import { redirect } from "next/navigation";
import { actionOk, type ActionResult } from "@/lib/errors";
import * as auth from "@/lib/server/auth";

// A user who has yet to change a forced password may still leave.
const guardedSignOut = auth.guardedAction(
  { role: "viewer", schema: z.object({}), allowPasswordChange: true },
  async () => {
    await auth.signOut();
    return actionOk(null);
  },
);

export async function signOut(
  previous: ActionResult<null> | null,
  payload: FormData,
): Promise<ActionResult<null>> {
  const result = await guardedSignOut(previous, payload);
  // The redirect stays outside the guard, whose catch-all must not swallow it. A session that
  // expired meanwhile (401) means the user is signed out all the same.
  if (result.ok || result.status === 401) redirect("/login?reason=signed-out");
  return result;
}
