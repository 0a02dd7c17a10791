"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { deleteAclsSchema } from "@/lib/schemas/acls";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { aclCluster } from "./acl-cluster";

const deleteAclsActionSchema = deleteAclsSchema.extend({ cluster: z.string().min(1).optional() });

const guardedDelete = auth.guardedAction(
  { permission: "acl.delete", schema: deleteAclsActionSchema, action: "acl.delete" },
  async ({ cluster, bindings }, principal) => {
    const result = await kafka.deleteAcls(aclCluster(cluster), bindings, principal);
    if (result.ok) revalidatePath("/console/security/acls");
    return result;
  },
);

/** Deletes exactly the given ACL bindings (admin); answers what the broker deleted. */
export async function deleteAcls(...args: Parameters<typeof guardedDelete>) {
  return guardedDelete(...args);
}
