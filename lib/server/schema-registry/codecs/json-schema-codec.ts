// JSON Schema: the payload is the value's JSON text (UTF-8). Decoding parses it and validates it
// with ajv; a value that breaks the schema is still shown, with the mismatch beside it (the
// producer wrote it, the reader should see it). Encoding refuses such a value. Drafts 2020-12 and
// 2019-09 by their $schema, draft-07 (and 06, and 04 in what they share) otherwise; formats
// (date-time, email, uri, …) are checked with ajv-formats.
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import Ajv2019 from "ajv/dist/2019";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

import { CodecError, messageOf, type NamedSchema, type ResolvedSchema, type SchemaCodec } from "./types";

const strictText = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

export function compileJsonSchema(resolved: ResolvedSchema): SchemaCodec {
  const schema = parseSchema(resolved.schema, "schema");
  const validate = compileValidator(schema, resolved.references);

  return {
    format: "JSON",
    textInPayload: () => "unless-escaped",
    decode(body) {
      let text: string;
      let value: unknown;
      try {
        text = strictText.decode(body);
        value = JSON.parse(text);
      } catch (error) {
        throw new CodecError(`The value is not JSON text: ${messageOf(error)}`);
      }
      const mismatch = validate(value) ? undefined : describeErrors(validate.errors);
      // The text as written (whitespace and all) is what was produced: keep it when it is compact.
      const compact = /^\s|\n/.test(text) ? JSON.stringify(value) : text;
      return { json: compact, parsed: { value }, ...(mismatch && { mismatch }) };
    },
    encode(value) {
      if (!validate(value))
        throw new CodecError(`The value does not fit the JSON schema: ${describeErrors(validate.errors)}`);
      return { payload: encoder.encode(JSON.stringify(value)) };
    },
  };
}

function compileValidator(
  schema: Record<string, unknown> | boolean,
  references: NamedSchema[],
): ValidateFunction {
  const draft = typeof schema === "object" ? String(schema.$schema ?? "") : "";
  // Schemas come from the registry and are shown to everyone: no code generation from their
  // keywords beyond ajv's own, unknown keywords and formats tolerated, the meta-schema not enforced
  // (draft-04 documents name a meta-schema ajv 8 does not carry).
  const options = { strict: false, allErrors: true, validateSchema: false } as const;
  const ajv = draft.includes("2020-12")
    ? new Ajv2020(options)
    : draft.includes("2019-09")
      ? new Ajv2019(options)
      : new Ajv(options);
  addFormats(ajv);
  const seen = new Set<string>();
  const addReferences = (named: NamedSchema[]) => {
    for (const reference of named) {
      if (seen.has(reference.name)) continue;
      seen.add(reference.name);
      addReferences(reference.references);
      const referenced = parseSchema(reference.schema, `referenced schema ${reference.name}`);
      try {
        ajv.addSchema(referenced as object, reference.name);
      } catch (error) {
        throw new CodecError(
          `The referenced JSON schema ${reference.name} is not valid: ${messageOf(error)}`,
        );
      }
    }
  };
  addReferences(references);
  try {
    return ajv.compile(schema);
  } catch (error) {
    throw new CodecError(`The JSON schema is not valid: ${messageOf(error)}`);
  }
}

function parseSchema(text: string, what: string): Record<string, unknown> | boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed === "boolean" ||
      (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
    )
      return parsed as Record<string, unknown> | boolean;
  } catch (error) {
    throw new CodecError(`The JSON ${what} is not JSON: ${messageOf(error)}`);
  }
  throw new CodecError(`The JSON ${what} is not an object or a boolean`);
}

/** At most three, each with where it is: "$.temp must be number; $ must have required property 'id'". */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  const described = (errors ?? []).slice(0, 3).map((error) => {
    const where = error.instancePath
      ? `$${error.instancePath
          .split("/")
          .slice(1)
          .map((part) => `.${part.replaceAll("~1", "/").replaceAll("~0", "~")}`)
          .join("")}`
      : "$";
    return `${where} ${error.message ?? "is not valid"}`;
  });
  const more = (errors?.length ?? 0) > 3 ? ` (and ${errors!.length - 3} more)` : "";
  return (described.join("; ") || "the value is not valid") + more;
}
