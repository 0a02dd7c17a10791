"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { bindingsOfCreateRequest, createAclsRequestSchema } from "@/lib/schemas/acls";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { aclCluster } from "./acl-cluster";
import { aclsPath } from "@/lib/paths";

const createAclsActionSchema = z
  .object({ cluster: z.string().min(1).optional() })
  .and(createAclsRequestSchema);

const guardedCreate = auth.guardedAction(
  { permission: "acl.create", schema: createAclsActionSchema, action: "acl.create" },
  async (input, principal) => {
    const cluster = aclCluster(input.cluster);
    const result = await kafka.createAcls(cluster, bindingsOfCreateRequest(input), principal);
    if (result.ok) revalidatePath(aclsPath(cluster));
    return result;
  },
);

/** Creates ACL bindings (admin): the create form's resources × operations, or explicit bindings (presets). */
export async function createAcls(...args: Parameters<typeof guardedCreate>) {
  return guardedCreate(...args);
}
