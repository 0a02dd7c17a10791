import "server-only";

// A registry schema with everything it references, fetched: what the codecs need. References are
// subjects' versions (GET /subjects/{s}/versions/{v}), each of which may reference more; the walk
// is bounded so a cycle or a huge graph cannot hold a search.
import type { SchemaReference, SchemaRegistryClient, RegisteredSchema } from "./client";
import { encodeWithSchema, type EncodeResult, type NamedSchema, type ResolvedSchema } from "./codecs";
import type { RegistryResult } from "./problems";

/** References followed for one schema, all levels together. */
export const MAX_REFERENCES = 100;
const MAX_DEPTH = 10;

/** The schema with its references fetched, recursively. */
export async function resolveSchema(
  client: SchemaRegistryClient,
  registered: Pick<RegisteredSchema, "schemaType" | "schema" | "references">,
): Promise<RegistryResult<ResolvedSchema>> {
  const budget = { left: MAX_REFERENCES };
  const references = await resolveReferences(client, registered.references, 0, budget);
  if (!references.ok) return references;
  return {
    ok: true,
    data: { schemaType: registered.schemaType, schema: registered.schema, references: references.data },
  };
}

async function resolveReferences(
  client: SchemaRegistryClient,
  references: SchemaReference[],
  depth: number,
  budget: { left: number },
): Promise<RegistryResult<NamedSchema[]>> {
  if (references.length === 0) return { ok: true, data: [] };
  if (depth >= MAX_DEPTH || (budget.left -= references.length) < 0)
    return {
      ok: false,
      problem: {
        kind: "invalid",
        title: `The schema's references go deeper than ${MAX_DEPTH} levels or past ${MAX_REFERENCES} schemas`,
        hint: "The console does not follow them further.",
      },
    };
  const named: NamedSchema[] = [];
  for (const reference of references) {
    const version = await client.getVersion(reference.subject, reference.version);
    if (!version.ok) return version;
    const nested = await resolveReferences(client, version.data.references, depth + 1, budget);
    if (!nested.ok) return nested;
    named.push({
      name: reference.name,
      schemaType: version.data.schemaType,
      schema: version.data.schema,
      references: nested.data,
    });
  }
  return { ok: true, data: named };
}

/**
 * encodeWithSchema for a schema as the registry answers it (a subject's version, a schema by id):
 * its references are fetched first. A registry failure is the refusal's message.
 */
export async function encodeWithRegisteredSchema(
  client: SchemaRegistryClient,
  registered: RegisteredSchema,
  value: unknown,
  options: { messageType?: string } = {},
): Promise<EncodeResult> {
  const resolved = await resolveSchema(client, registered);
  if (!resolved.ok)
    return { ok: false, message: `${resolved.problem.title}. ${resolved.problem.hint}`.trim() };
  return encodeWithSchema(registered.id, resolved.data, value, options);
}
