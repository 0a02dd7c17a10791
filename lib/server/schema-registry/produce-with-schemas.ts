import "server-only";

// Produce (the topic page's form, REST) with the key and/or value encoded by a registered schema:
// both parts are checked and encoded first, so a value that does not fit writes nothing.
import { actionError, type ActionStatus } from "@/lib/errors";
import type { ProduceMessagesRequest } from "@/lib/schemas/messages";
import type { Principal } from "@/lib/server/auth";
import { produceMessages, type EncodedWithSchemas } from "@/lib/server/kafka";

import { encodeForProduce, type EncodingRefusal } from "./produce-encoding";

export async function produceWithSchemas(
  cluster: string,
  request: ProduceMessagesRequest,
  principal: Principal,
): ReturnType<typeof produceMessages> {
  const schemas: EncodedWithSchemas = {};
  const parts = [
    ["key", request.keySchema, request.key] as const,
    ["value", request.valueSchema, request.value] as const,
  ];
  for (const [part, choice, text] of parts) {
    if (!choice) continue;
    const encoded = await encodeForProduce(cluster, choice, text ?? "");
    if (!encoded.ok) return refused(part, encoded.refusal);
    schemas[part] = { bytes: encoded.bytes, schemaId: encoded.schemaId };
  }
  return produceMessages(cluster, request, principal, schemas);
}

function refused(part: "key" | "value", refusal: EncodingRefusal) {
  const kind = refusal.problem?.kind;
  const status: ActionStatus = !kind || kind === "invalid" ? 422 : kind === "not-found" ? 404 : 502;
  const message = `The ${part} was not produced: ${refusal.message}`;
  const failure = actionError(status, message, { [part]: [refusal.message] });
  return failure as Extract<typeof failure, { ok: false }>;
}
