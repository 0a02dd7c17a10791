import "server-only";

// Producing with a schema: the subject's version the form chose, and a value typed as JSON checked
// and encoded with it in the Confluent wire format (magic byte, schema id, Protobuf's message
// indexes, the payload). The codecs (./codecs) validate as they encode, naming the field: the same
// call is the form's check as one types and the produce's own, so the server stays the authority.
import type { ProduceSchema, SchemaChoice, SchemaValueCheck } from "@/lib/schemas/schema-produce";

import { registryClient } from "./index";
import type { RegistryProblem, RegistryResult } from "./problems";
import { encodeWithRegisteredSchema } from "./schema-fetch";

type Resolved = RegistryResult<ProduceSchema> | { ok: false; notConfigured: true };

/** The chosen version (or the latest) of a subject, with the subject's versions. */
export async function resolveProduceSchema(cluster: string, choice: SchemaChoice): Promise<Resolved> {
  const client = registryClient(cluster);
  if (!client) return { ok: false, notConfigured: true };
  const [version, versions] = await Promise.all([
    client.getVersion(choice.subject, choice.version),
    client.listVersions(choice.subject),
  ]);
  if (!version.ok) return version;
  if (!versions.ok) return versions;
  return { ok: true, data: { ...version.data, versions: versions.data } };
}

/** Why a part could not be encoded: a sentence naming the subject, and the field when the codec named one. */
export interface EncodingRefusal {
  message: string;
  path?: string;
  problem?: RegistryProblem;
}

export type EncodedPart =
  { ok: true; bytes: Buffer; schemaId: number; version: number } | { ok: false; refusal: EncodingRefusal };

/** Checks `text` (JSON) against the choice and encodes it in the wire format. Never throws. */
export async function encodeForProduce(
  cluster: string,
  choice: SchemaChoice,
  text: string,
): Promise<EncodedPart> {
  const resolved = await resolveProduceSchema(cluster, choice);
  if (!resolved.ok) {
    if ("notConfigured" in resolved)
      return { ok: false, refusal: { message: `Cluster ${cluster} has no schema registry configured.` } };
    const { title, hint } = resolved.problem;
    return { ok: false, refusal: { message: `${title}. ${hint}`, problem: resolved.problem } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, refusal: { message: `Not valid JSON: ${messageOf(error)}` } };
  }
  const client = registryClient(cluster)!;
  const encoded = await encodeWithRegisteredSchema(client, resolved.data, value);
  if (!encoded.ok) {
    const where = firstPath(encoded.message);
    return {
      ok: false,
      refusal: {
        message: `${choice.subject} version ${resolved.data.version}: ${encoded.message}`,
        ...(where && { path: where }),
      },
    };
  }
  return { ok: true, bytes: encoded.bytes, schemaId: resolved.data.id, version: resolved.data.version };
}

/** The form's check as one types: the same encoding, the bytes thrown away. */
export async function checkForProduce(
  cluster: string,
  choice: SchemaChoice,
  text: string,
): Promise<SchemaValueCheck> {
  const encoded = await encodeForProduce(cluster, choice, text);
  if (encoded.ok) return { fits: true, schemaId: encoded.schemaId, version: encoded.version };
  return {
    fits: false,
    message: encoded.refusal.message,
    ...(encoded.refusal.path && { path: encoded.refusal.path }),
  };
}

/** The codecs name a field JSONPath-like ("$.lines.1.sku"); the first one, to show beside the message. */
export function firstPath(message: string): string | undefined {
  return /\$(?:[.[][^\s:;,]*)?/.exec(message)?.[0];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
