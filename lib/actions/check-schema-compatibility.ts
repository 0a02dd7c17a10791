"use server";

import { z } from "zod";

import { actionOk } from "@/lib/errors";
import { newSchemaSchema, subjectNameSchema } from "@/lib/schemas/schema-registry-evolve";
import * as auth from "@/lib/server/auth";
import { registryActionError } from "@/lib/server/schema-registry/answers";
import { checkSchema } from "@/lib/server/schema-registry/evolve";

const guardedCheck = auth.guardedAction(
  {
    permission: "schema.view",
    schema: newSchemaSchema.extend({ cluster: z.string().min(1), subject: subjectNameSchema }),
    action: "schema.check",
  },
  async ({ cluster, subject, ...schema }) => {
    const result = await checkSchema(cluster, subject, schema);
    return result.ok ? actionOk(result.data) : registryActionError(cluster, result);
  },
);

/** Whether a schema may become the subject's next version, with the registry's reasons. Changes nothing. */
export async function checkSchemaCompatibility(...args: Parameters<typeof guardedCheck>) {
  return guardedCheck(...args);
}
