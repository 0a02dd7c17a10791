// A client of the Confluent Schema Registry API (Confluent, Apicurio's /apis/ccompat/v7, Redpanda,
// Karapace): subjects, versions, schemas by id, compatibility and mode, compatibility checks,
// registration and soft/hard deletes. Every call answers a RegistryResult, never throws.
import type { SchemaRegistryConnection } from "@/lib/schemas/schema-registry-config";

import { createTransport, DEFAULT_TIMEOUT_MS, type RegistryTransport } from "./http";
import type { RegistryProblem, RegistryResult } from "./problems";

export type SchemaType = "AVRO" | "JSON" | "PROTOBUF";

export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

export interface RegisteredSchema {
  id: number;
  schemaType: SchemaType;
  schema: string;
  references: SchemaReference[];
}

export interface SubjectVersion extends RegisteredSchema {
  subject: string;
  version: number;
}

export type VersionSelector = number | "latest";

export const COMPATIBILITY_LEVELS = [
  "NONE",
  "BACKWARD",
  "BACKWARD_TRANSITIVE",
  "FORWARD",
  "FORWARD_TRANSITIVE",
  "FULL",
  "FULL_TRANSITIVE",
] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export interface CompatibilityCheck {
  compatible: boolean;
  /** The registry's reasons when not compatible (Confluent's `messages`, Apicurio's `reason`). */
  messages: string[];
}

export interface NewSchema {
  schema: string;
  /** AVRO when absent, as in the Confluent API. */
  schemaType?: SchemaType;
  references?: SchemaReference[];
}

const MAX_SUBJECT_LENGTH = 2048;

function invalid(title: string): { ok: false; problem: RegistryProblem } {
  return {
    ok: false,
    problem: { kind: "invalid", title, hint: "Check the value sent.", code: "INVALID_INPUT" },
  };
}

function subjectPath(subject: string): string | undefined {
  if (subject === "" || subject.length > MAX_SUBJECT_LENGTH) return undefined;
  return encodeURIComponent(subject);
}

function versionPath(version: VersionSelector): string | undefined {
  if (version === "latest") return "latest";
  return Number.isSafeInteger(version) && version > 0 ? String(version) : undefined;
}

function map<T, U>(result: RegistryResult<T>, transform: (data: T) => U): RegistryResult<U> {
  return result.ok ? { ok: true, data: transform(result.data) } : result;
}

function asSchemaType(value: unknown): SchemaType {
  return value === "JSON" || value === "PROTOBUF" ? value : "AVRO";
}

function asReferences(value: unknown): SchemaReference[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const { name, subject, version } = (entry ?? {}) as Record<string, unknown>;
    return typeof name === "string" && typeof subject === "string" && typeof version === "number"
      ? [{ name, subject, version }]
      : [];
  });
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function asNumbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === "number") : [];
}

function notTheApi(what: string): { ok: false; problem: RegistryProblem } {
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

export class SchemaRegistryClient {
  private readonly transport: RegistryTransport;

  constructor(connection: SchemaRegistryConnection, timeoutMs = DEFAULT_TIMEOUT_MS) {
    this.transport = createTransport(connection, timeoutMs);
  }

  /** Where the registry is, for messages: host and port only. */
  get host(): string {
    return this.transport.base.host;
  }

  close(): void {
    this.transport.close();
  }

  /**
   * Subject names, sorted. `prefix` is applied here as well: Apicurio ignores `subjectPrefix`.
   * `deleted` includes soft-deleted subjects.
   */
  async listSubjects(
    options: { deleted?: boolean; prefix?: string } = {},
  ): Promise<RegistryResult<string[]>> {
    const result = await this.transport.send<unknown>("GET", "subjects", {
      query: { deleted: options.deleted || undefined, subjectPrefix: options.prefix || undefined },
    });
    if (result.ok && !Array.isArray(result.data)) return notTheApi("GET /subjects");
    return map(result, (data) =>
      asStrings(data)
        .filter((subject) => !options.prefix || subject.startsWith(options.prefix))
        .sort(),
    );
  }

  async listVersions(
    subject: string,
    options: { deleted?: boolean } = {},
  ): Promise<RegistryResult<number[]>> {
    const path = subjectPath(subject);
    if (!path) return invalid("A subject name is 1 to 2048 characters");
    const result = await this.transport.send<unknown>("GET", `subjects/${path}/versions`, {
      query: { deleted: options.deleted || undefined },
      what: subject,
    });
    return map(result, (data) => asNumbers(data).sort((a, b) => a - b));
  }

  /** `deleted` reads a soft-deleted version as well. */
  async getVersion(
    subject: string,
    version: VersionSelector,
    options: { deleted?: boolean } = {},
  ): Promise<RegistryResult<SubjectVersion>> {
    const path = subjectPath(subject);
    const selector = versionPath(version);
    if (!path) return invalid("A subject name is 1 to 2048 characters");
    if (!selector) return invalid("A version is a positive whole number or latest");
    const result = await this.transport.send<Record<string, unknown>>(
      "GET",
      `subjects/${path}/versions/${selector}`,
      { query: { deleted: options.deleted || undefined }, what: `${subject} version ${selector}` },
    );
    if (result.ok && typeof result.data?.schema !== "string") return notTheApi("GET a subject's version");
    return map(result, (data) => ({
      subject: typeof data.subject === "string" ? data.subject : subject,
      version: typeof data.version === "number" ? data.version : Number(selector),
      id: Number(data.id),
      schemaType: asSchemaType(data.schemaType),
      schema: String(data.schema),
      references: asReferences(data.references),
    }));
  }

  async getSchemaById(id: number): Promise<RegistryResult<RegisteredSchema>> {
    if (!Number.isSafeInteger(id) || id < 0) return invalid("A schema id is a whole number");
    const result = await this.transport.send<Record<string, unknown>>("GET", `schemas/ids/${id}`, {
      what: `id ${id}`,
    });
    if (result.ok && typeof result.data?.schema !== "string") return notTheApi("GET /schemas/ids/{id}");
    return map(result, (data) => ({
      id,
      schemaType: asSchemaType(data.schemaType),
      schema: String(data.schema),
      references: asReferences(data.references),
    }));
  }

  /** The subjects and versions that use a schema id (GET /schemas/ids/{id}/versions), sorted. */
  async schemaUsages(id: number): Promise<RegistryResult<{ subject: string; version: number }[]>> {
    if (!Number.isSafeInteger(id) || id < 0) return invalid("A schema id is a whole number");
    const result = await this.transport.send<unknown>("GET", `schemas/ids/${id}/versions`, {
      what: `id ${id}`,
    });
    if (result.ok && !Array.isArray(result.data)) return notTheApi("GET /schemas/ids/{id}/versions");
    return map(result, (data) =>
      (data as unknown[])
        .flatMap((entry) => {
          const { subject, version } = (entry ?? {}) as Record<string, unknown>;
          return typeof subject === "string" && typeof version === "number" ? [{ subject, version }] : [];
        })
        .sort((a, b) => a.subject.localeCompare(b.subject) || a.version - b.version),
    );
  }

  /**
   * The compatibility level: the global one without a subject; a subject's own level, or null when
   * it has none (Confluent's 40408). Apicurio answers the global level for a subject without one.
   */
  async getCompatibility(subject?: string): Promise<RegistryResult<CompatibilityLevel | string | null>> {
    const path = subject === undefined ? "config" : subjectPath(subject) && `config/${subjectPath(subject)}`;
    if (!path) return invalid("A subject name is 1 to 2048 characters");
    // defaultToGlobal=false: Confluent answers 40408 for a subject without its own level.
    const result = await this.transport.send<Record<string, unknown>>("GET", path, {
      query: { defaultToGlobal: subject === undefined ? undefined : false },
      what: subject,
    });
    if (!result.ok && result.problem.code === "40408") return { ok: true, data: null };
    if (result.ok && typeof result.data?.compatibilityLevel !== "string") return notTheApi("GET /config");
    return map(result, (data) => String(data.compatibilityLevel));
  }

  async setCompatibility(level: CompatibilityLevel, subject?: string): Promise<RegistryResult<string>> {
    if (!COMPATIBILITY_LEVELS.includes(level)) return invalid(`Unknown compatibility level`);
    const path = subject === undefined ? "config" : subjectPath(subject) && `config/${subjectPath(subject)}`;
    if (!path) return invalid("A subject name is 1 to 2048 characters");
    const result = await this.transport.send<Record<string, unknown>>("PUT", path, {
      body: { compatibility: level },
      what: subject,
    });
    return map(result, (data) => String(data?.compatibility ?? level));
  }

  /** Removes a subject's own level, so the global one applies again. */
  async deleteCompatibility(subject: string): Promise<RegistryResult<null>> {
    const path = subjectPath(subject);
    if (!path) return invalid("A subject name is 1 to 2048 characters");
    return map(await this.transport.send("DELETE", `config/${path}`, { what: subject }), () => null);
  }

  /** READWRITE, READONLY or IMPORT; Apicurio's compatibility layer has no mode ("unsupported"). */
  async getMode(subject?: string): Promise<RegistryResult<string | null>> {
    const path = subject === undefined ? "mode" : subjectPath(subject) && `mode/${subjectPath(subject)}`;
    if (!path) return invalid("A subject name is 1 to 2048 characters");
    const result = await this.transport.send<Record<string, unknown>>("GET", path, { what: subject });
    if (!result.ok && result.problem.code === "40409") return { ok: true, data: null };
    return map(result, (data) => (typeof data?.mode === "string" ? data.mode : null));
  }

  /** Whether `schema` is compatible with the chosen version (default latest) under the subject's level. */
  async checkCompatibility(
    subject: string,
    schema: NewSchema,
    version: VersionSelector = "latest",
  ): Promise<RegistryResult<CompatibilityCheck>> {
    const path = subjectPath(subject);
    const selector = versionPath(version);
    if (!path) return invalid("A subject name is 1 to 2048 characters");
    if (!selector) return invalid("A version is a positive whole number or latest");
    const result = await this.transport.send<Record<string, unknown>>(
      "POST",
      `compatibility/subjects/${path}/versions/${selector}`,
      { body: schemaBody(schema), query: { verbose: true }, what: subject },
    );
    if (result.ok && typeof result.data?.is_compatible !== "boolean")
      return notTheApi("a compatibility check");
    return map(result, (data) => {
      const messages = asStrings(data.messages);
      if (typeof data.reason === "string" && data.reason) messages.push(data.reason);
      return { compatible: data.is_compatible === true, messages };
    });
  }

  /** Registers a schema under the subject (a new version, or the existing one's id when identical). */
  async register(subject: string, schema: NewSchema): Promise<RegistryResult<{ id: number }>> {
    const path = subjectPath(subject);
    if (!path) return invalid("A subject name is 1 to 2048 characters");
    const result = await this.transport.send<Record<string, unknown>>("POST", `subjects/${path}/versions`, {
      body: schemaBody(schema),
      what: subject,
    });
    if (result.ok && typeof result.data?.id !== "number") return notTheApi("a registration");
    return map(result, (data) => ({ id: Number(data.id) }));
  }

  /** Soft-deletes a version, or with `permanent` removes a soft-deleted one for good. Answers the version. */
  async deleteVersion(
    subject: string,
    version: number,
    options: { permanent?: boolean } = {},
  ): Promise<RegistryResult<number>> {
    const path = subjectPath(subject);
    const selector = versionPath(version);
    if (!path) return invalid("A subject name is 1 to 2048 characters");
    if (!selector || selector === "latest") return invalid("A version to delete is a positive whole number");
    const result = await this.transport.send<unknown>("DELETE", `subjects/${path}/versions/${selector}`, {
      query: { permanent: options.permanent || undefined },
      what: `${subject} version ${selector}`,
    });
    return map(result, (data) => (typeof data === "number" ? data : version));
  }

  /** Soft-deletes a subject, or with `permanent` removes a soft-deleted one for good. Answers its versions. */
  async deleteSubject(
    subject: string,
    options: { permanent?: boolean } = {},
  ): Promise<RegistryResult<number[]>> {
    const path = subjectPath(subject);
    if (!path) return invalid("A subject name is 1 to 2048 characters");
    const result = await this.transport.send<unknown>("DELETE", `subjects/${path}`, {
      query: { permanent: options.permanent || undefined },
      what: subject,
    });
    return map(result, (data) => asNumbers(data).sort((a, b) => a - b));
  }
}

function schemaBody({ schema, schemaType, references }: NewSchema): Record<string, unknown> {
  return {
    schema,
    // AVRO is the API's default; Confluent's own clients leave it out.
    ...(schemaType && schemaType !== "AVRO" && { schemaType }),
    ...(references?.length && { references }),
  };
}
