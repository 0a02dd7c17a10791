"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { scramUsersPath } from "@/lib/paths";
import { scramUpsertSchema } from "@/lib/schemas/scram-users";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const target = z.object({ cluster: z.string().min(1) });

const guardedUpsert = auth.guardedAction(
  {
    permission: "scramUser.manage",
    schema: z.intersection(target, scramUpsertSchema),
    action: "scramUser.upsert",
  },
  async ({ cluster, ...input }, principal) => {
    const result = await kafka.upsertScramUser(cluster, input, principal);
    if (result.ok) revalidatePath(scramUsersPath(cluster));
    return result;
  },
);

/** Creates a SCRAM user's credential or changes its password (admin); a generated password is answered once. Audited. */
export async function upsertScramUser(...args: Parameters<typeof guardedUpsert>) {
  return guardedUpsert(...args);
}
