"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { bindingsOfCreateRequest, createAclsRequestSchema } from "@/lib/schemas/acls";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { aclCluster } from "./acl-cluster";

const createAclsActionSchema = z
  .object({ cluster: z.string().min(1).optional() })
  .and(createAclsRequestSchema);

const guardedCreate = auth.guardedAction(
  { permission: "acl.create", schema: createAclsActionSchema, action: "acl.create" },
  async (input, principal) => {
    const result = await kafka.createAcls(
      aclCluster(input.cluster),
      bindingsOfCreateRequest(input),
      principal,
    );
    if (result.ok) revalidatePath("/console/security/acls");
    return result;
  },
);

/** Creates ACL bindings (admin): the create form's resources × operations, or explicit bindings (presets). */
export async function createAcls(...args: Parameters<typeof guardedCreate>) {
  return guardedCreate(...args);
}
