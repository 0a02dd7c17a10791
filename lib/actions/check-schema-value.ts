"use server";

import { schemaValueCheckSchema } from "@/lib/schemas/schema-produce";
import * as auth from "@/lib/server/auth";
import { checkForProduce } from "@/lib/server/schema-registry/produce-encoding";

// The same check and encoding a produce runs, the bytes thrown away. On the server, not in the
// browser: avsc, Ajv and protobufjs compile with `new Function`, which the console's
// Content-Security-Policy (no 'unsafe-eval') refuses in the page.
const guardedCheck = auth.guardedAction(
  { permission: "message.produce", schema: schemaValueCheckSchema },
  async ({ cluster, choice, text }) => ({ ok: true, data: await checkForProduce(cluster, choice, text) }),
);

/** Whether a key or value typed as JSON fits the chosen schema (operator): the produce form's live check. */
export async function checkSchemaValue(...args: Parameters<typeof guardedCheck>) {
  return guardedCheck(...args);
}
