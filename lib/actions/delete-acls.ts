"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { deleteAclsSchema } from "@/lib/schemas/acls";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { aclCluster } from "./acl-cluster";
import { aclsPath } from "@/lib/paths";

const deleteAclsActionSchema = deleteAclsSchema.extend({ cluster: z.string().min(1).optional() });

const guardedDelete = auth.guardedAction(
  { permission: "acl.delete", schema: deleteAclsActionSchema, action: "acl.delete" },
  async ({ cluster, bindings }, principal) => {
    const target = aclCluster(cluster);
    const result = await kafka.deleteAcls(target, bindings, principal);
    if (result.ok) revalidatePath(aclsPath(target));
    return result;
  },
);

/** Deletes exactly the given ACL bindings (admin); answers what the broker deleted. */
export async function deleteAcls(...args: Parameters<typeof guardedDelete>) {
  return guardedDelete(...args);
}
