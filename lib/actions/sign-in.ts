"use server";

import { z } from "zod";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/safe-next-path";
import { signInSchema } from "@/lib/schemas/auth";
import { actionError, type ActionResult } from "@/lib/errors";
import * as auth from "@/lib/server/auth";
import { passwordChangePath } from "@/lib/paths";

/**
 * Public by nature, so not a guardedAction: auth.signIn throttles, audits and sets the cookie. On
 * success the browser goes where it was headed (same-site paths only), or to the forced password change.
 */
export async function signIn(
  _previous: ActionResult<null> | null,
  formData: FormData,
): Promise<ActionResult<null>> {
  const parsed = signInSchema.safeParse({
    username: formData.get("username") ?? "",
    password: formData.get("password") ?? "",
    next: formData.get("next") ?? undefined,
  });
  if (!parsed.success) {
    return actionError(400, "Enter your user name and password.", z.flattenError(parsed.error).fieldErrors);
  }
  const { next, ...credentials } = parsed.data;
  const result = await auth.signIn(credentials);
  if (!result.ok) return result;
  const destination = safeNextPath(next);
  redirect(result.data.mustChangePassword ? passwordChangePath(destination) : destination);
}
