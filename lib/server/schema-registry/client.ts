// A client of the Confluent Schema Registry API (Confluent, Apicurio's /apis/ccompat/v7, Redpanda,
// Karapace): subjects, versions, schemas by id, compatibility and mode, compatibility checks,
// registration and soft/hard deletes. Every call answers a RegistryResult, never throws.
import { COMPATIBILITY_LEVEL_NAMES } from "@/lib/schemas/schema-registry-evolve";
import type { SchemaRegistryConnection } from "@/lib/schemas/schema-registry-config";

import { createTransport, DEFAULT_TIMEOUT_MS, type RegistryTransport } from "./http";
import type { RegistryResult } from "./problems";
import {
  asNumbers,
  asReferences,
  asSchemaType,
  asStrings,
  invalid,
  map,
  notTheApi,
  schemaBody,
  subjectPath,
  versionPath,
} from "./api-answers";
import {
  type CompatibilityCheck,
  type CompatibilityLevel,
  type NewSchema,
  type RegisteredSchema,
  type SubjectVersion,
  type VersionSelector,
} from "./api-types";

export type {
  CompatibilityCheck,
  CompatibilityLevel,
  NewSchema,
  RegisteredSchema,
  SchemaReference,
  SchemaType,
  SubjectVersion,
  VersionSelector,
} from "./api-types";

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
    if (!COMPATIBILITY_LEVEL_NAMES.includes(level)) return invalid(`Unknown compatibility level`);
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
