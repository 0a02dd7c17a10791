"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { scramUsersPath } from "@/lib/paths";
import { scramDeleteSchema } from "@/lib/schemas/scram-users";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const target = z.object({ cluster: z.string().min(1) });

const guardedDelete = auth.guardedAction(
  {
    permission: "scramUser.manage",
    schema: z.intersection(target, scramDeleteSchema),
    action: "scramUser.delete",
  },
  async ({ cluster, ...input }, principal) => {
    const result = await kafka.deleteScramUser(cluster, input, principal);
    if (result.ok) revalidatePath(scramUsersPath(cluster));
    return result;
  },
);

/** Deletes a SCRAM user's credential for one mechanism, or all of them (admin). Audited. */
export async function deleteScramUser(...args: Parameters<typeof guardedDelete>) {
  return guardedDelete(...args);
}
