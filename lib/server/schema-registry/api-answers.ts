// The client's checks on what it sends (subject and version path segments) and its readings of what the
// registry answers: tolerant of missing fields, and a "not the Confluent API" problem when the shape is wrong.
import type { RegistryProblem, RegistryResult } from "./problems";
import type { NewSchema, SchemaReference, SchemaType, VersionSelector } from "./api-types";

const MAX_SUBJECT_LENGTH = 2048;

export function invalid(title: string): { ok: false; problem: RegistryProblem } {
  return {
    ok: false,
    problem: { kind: "invalid", title, hint: "Check the value sent.", code: "INVALID_INPUT" },
  };
}

export function subjectPath(subject: string): string | undefined {
  if (subject === "" || subject.length > MAX_SUBJECT_LENGTH) return undefined;
  return encodeURIComponent(subject);
}

export function versionPath(version: VersionSelector): string | undefined {
  if (version === "latest") return "latest";
  return Number.isSafeInteger(version) && version > 0 ? String(version) : undefined;
}

export function map<T, U>(result: RegistryResult<T>, transform: (data: T) => U): RegistryResult<U> {
  return result.ok ? { ok: true, data: transform(result.data) } : result;
}

export function asSchemaType(value: unknown): SchemaType {
  return value === "JSON" || value === "PROTOBUF" ? value : "AVRO";
}

export function asReferences(value: unknown): SchemaReference[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const { name, subject, version } = (entry ?? {}) as Record<string, unknown>;
    return typeof name === "string" && typeof subject === "string" && typeof version === "number"
      ? [{ name, subject, version }]
      : [];
  });
}

export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export function asNumbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === "number") : [];
}

export function notTheApi(what: string): { ok: false; problem: RegistryProblem } {
  return {
    ok: false,
    problem: {
      kind: "registry",
      title: `The registry's answer to ${what} is not the Confluent API's`,
      hint: "Check schemaRegistry.url: it must be the base of the Confluent API (Apicurio: …/apis/ccompat/v7).",
      code: "UNEXPECTED_ANSWER",
    },
  };
}

export function schemaBody({ schema, schemaType, references }: NewSchema): Record<string, unknown> {
  return {
    schema,
    // AVRO is the API's default; Confluent's own clients leave it out.
    ...(schemaType && schemaType !== "AVRO" && { schemaType }),
    ...(references?.length && { references }),
  };
}
