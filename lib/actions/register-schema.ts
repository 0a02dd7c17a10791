"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionOk } from "@/lib/errors";
import { schemaSubjectPath } from "@/lib/paths";
import { newSchemaSchema, subjectNameSchema } from "@/lib/schemas/schema-registry-evolve";
import * as auth from "@/lib/server/auth";
import { registryActionError } from "@/lib/server/schema-registry/answers";
import { registerSchema as register } from "@/lib/server/schema-registry/evolve";

const guardedRegister = auth.guardedAction(
  {
    permission: "schema.register",
    schema: newSchemaSchema.extend({ cluster: z.string().min(1), subject: subjectNameSchema }),
    action: "schema.register",
  },
  async ({ cluster, subject, ...schema }, principal) => {
    const result = await register(cluster, subject, schema, principal);
    if (!result.ok) return registryActionError(cluster, result);
    revalidatePath(schemaSubjectPath(cluster, subject));
    return actionOk(result.data);
  },
);

/** Registers a schema as the subject's next version (operator); the registry refuses an incompatible one. Audited. */
export async function registerSchema(...args: Parameters<typeof guardedRegister>) {
  return guardedRegister(...args);
}
