"use server";

import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/safe-next-path";
import { changePasswordSchema } from "@/lib/schemas/auth";
import type { ActionResult } from "@/lib/errors";
import * as auth from "@/lib/server/auth";

const guardedChange = auth.guardedAction(
  { permission: "session.use", schema: changePasswordSchema, allowPasswordChange: true },
  (input, principal) => auth.changeOwnPassword(principal, input),
);

/** Changes the signed-in user's password, then goes on to the page they wanted (`next`). */
export async function changePassword(
  previous: ActionResult<null> | null,
  payload: FormData,
): Promise<ActionResult<null>> {
  const result = await guardedChange(previous, payload);
  if (!result.ok) return result;
  const next = payload.get("next");
  redirect(safeNextPath(typeof next === "string" ? next : null));
}
