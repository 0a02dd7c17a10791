"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { quotasPath } from "@/lib/paths";
import { quotaAlterSchema } from "@/lib/schemas/quotas";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const guardedAlter = auth.guardedAction(
  {
    permission: "quota.manage",
    schema: z.intersection(z.object({ cluster: z.string().min(1) }), quotaAlterSchema),
    action: "quota.alter",
  },
  async ({ cluster, ...input }, principal) => {
    const result = await kafka.alterClientQuota(cluster, input, principal);
    if (result.ok) revalidatePath(quotasPath(cluster));
    return result;
  },
);

/** Sets and removes an entity's client quotas (admin); answers old → new per key. Audited. */
export async function alterClientQuota(...args: Parameters<typeof guardedAlter>) {
  return guardedAlter(...args);
}
