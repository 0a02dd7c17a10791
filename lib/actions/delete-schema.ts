"use server";

import { z } from "zod";

import { actionError, actionOk, type ActionResult } from "@/lib/errors";
import { subjectNameSchema, versionParamSchema } from "@/lib/schemas/schema-registry-evolve";
import * as auth from "@/lib/server/auth";
import { registryActionError } from "@/lib/server/schema-registry/answers";
import { deleteSchemaSubject, deleteSchemaVersion } from "@/lib/server/schema-registry/evolve";

const guardedDelete = auth.guardedAction(
  {
    permission: "schema.delete",
    schema: z.object({
      cluster: z.string().min(1),
      subject: subjectNameSchema,
      /** Absent: the whole subject. */
      version: versionParamSchema.optional(),
      permanent: z.boolean().default(false),
      /** The subject's name, typed: required to hard-delete a subject. */
      confirm: z.string().optional(),
    }),
    action: "schema.delete",
  },
  async ({ cluster, subject, version, permanent, confirm }, principal): Promise<ActionResult<object>> => {
    if (version !== undefined) {
      const result = await deleteSchemaVersion(cluster, subject, version, permanent, principal);
      return result.ok ? actionOk(result.data) : registryActionError(cluster, result);
    }
    if (permanent && confirm !== subject)
      return actionError(422, `Type the subject's name, ${subject}, to delete it permanently.`, {
        confirm: ["Does not match the subject's name"],
      });
    const result = await deleteSchemaSubject(cluster, subject, permanent, principal);
    return result.ok ? actionOk(result.data) : registryActionError(cluster, result);
  },
);

/** Soft- or hard-deletes a schema version or a whole subject (admin). Audited. */
export async function deleteSchema(...args: Parameters<typeof guardedDelete>) {
  return guardedDelete(...args);
}
