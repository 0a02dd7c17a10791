"use server";

import { z } from "zod";
import { redirect } from "next/navigation";
import { actionError, actionOk, type ActionResult } from "@/lib/errors";
import * as auth from "@/lib/server/auth";
import { loginPath } from "@/lib/paths";

// A user who has yet to change a forced password may still leave.
const guardedSignOut = auth.guardedAction(
  { permission: "session.use", schema: z.object({}), allowPasswordChange: true },
  async () => {
    const { singleSignOn } = await auth.signOut();
    return actionOk({ providerSignOut: singleSignOn ? await auth.oidcSignOutLocation() : null });
  },
);

export async function signOut(
  previous: ActionResult<null> | null,
  payload: FormData,
): Promise<ActionResult<null>> {
  const result = await guardedSignOut(previous?.ok === false ? previous : null, payload);
  // Anonymous callers get the guard's 401 like every other action; the button takes a 401 (the
  // session ended meanwhile) to the sign-in page.
  // A single sign-on user also leaves the provider's session, which sends the browser back here.
  if (result.ok) redirect(result.data.providerSignOut ?? loginPath({ reason: "signed-out" }));
  return actionError(result.status, result.error, result.fieldErrors);
}
