"use server";

import { z } from "zod";

import { produceMessagesSchema } from "@/lib/schemas/messages";
import * as auth from "@/lib/server/auth";
import { produceWithSchemas } from "@/lib/server/schema-registry/produce-with-schemas";

import { aclCluster } from "./acl-cluster";

const produceMessagesActionSchema = produceMessagesSchema.safeExtend({
  cluster: z.string().min(1).optional(),
});

const guardedProduce = auth.guardedAction(
  { permission: "message.produce", schema: produceMessagesActionSchema, action: "message.produce" },
  async ({ cluster, ...request }, principal) => produceWithSchemas(aclCluster(cluster), request, principal),
);

/** Produces N copies of one message (operator), the key or value encoded with a schema when chosen; answers where they landed. */
export async function produceMessages(...args: Parameters<typeof guardedProduce>) {
  return guardedProduce(...args);
}
