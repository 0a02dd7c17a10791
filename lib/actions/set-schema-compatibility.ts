"use server";

import { z } from "zod";

import { actionError, actionOk } from "@/lib/errors";
import { compatibilityLevelSchema, subjectNameSchema } from "@/lib/schemas/schema-registry-evolve";
import * as auth from "@/lib/server/auth";
import { registryActionError } from "@/lib/server/schema-registry/answers";
import { inheritCompatibilityLevel, setCompatibilityLevel } from "@/lib/server/schema-registry/evolve";

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const guardedSet = auth.guardedAction(
  {
    permission: "schema.config",
    schema: z.object({
      cluster: z.string().min(1),
      /** Absent: the global level. */
      subject: z.preprocess(emptyToUndefined, subjectNameSchema.optional()),
      /** INHERIT removes the subject's own level. */
      compatibility: z.union([z.literal("INHERIT"), compatibilityLevelSchema]),
    }),
    action: "schema.compatibility",
  },
  async ({ cluster, subject, compatibility }, principal) => {
    if (compatibility === "INHERIT") {
      if (!subject) return actionError(422, "Only a subject inherits: the global level is always set.");
      const removed = await inheritCompatibilityLevel(cluster, subject, principal);
      return removed.ok ? actionOk(removed.data) : registryActionError(cluster, removed);
    }
    const result = await setCompatibilityLevel(cluster, compatibility, subject, principal);
    return result.ok ? actionOk(result.data) : registryActionError(cluster, result);
  },
);

/** Sets the global or a subject's compatibility level, or removes the subject's own (admin). Audited. */
export async function setSchemaCompatibility(...args: Parameters<typeof guardedSet>) {
  return guardedSet(...args);
}
