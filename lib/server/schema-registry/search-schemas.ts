import "server-only";

// The schemas one message search needs, fetched from the cluster's registry as their ids turn up:
// each id once per search (concurrent misses share one fetch), at most MAX_SCHEMAS per search, a
// failure kept so a registry that is down is asked again only every RETRY_AFTER_MS. Records are
// decoded here, on the thread that runs the search's other structured filters: a value's decoding
// costs about what JSON.parse of the same value costs (`npm run bench -- schema-search`).
import type { WireValueSchema } from "@/lib/messages/events";
import { parseJsonPath, requiredJsonText } from "@/lib/messages/filters/json-path";
import type { MessageQuery } from "@/lib/schemas/messages";

import type { SchemaRegistryClient } from "./client";
import {
  CodecError,
  compileCodec,
  parseFraming,
  type DecodedValue,
  type FramedValue,
  type SchemaCodec,
} from "./codecs";
import { resolveSchema } from "./schema-fetch";

export const MAX_SCHEMAS = 256;
export const RETRY_AFTER_MS = 5_000;

type Loaded =
  | { ok: true; info: Omit<WireValueSchema, "json" | "error">; codec: SchemaCodec }
  | { ok: false; info: Omit<WireValueSchema, "json" | "error">; error: string; retryAt?: number };

/**
 * One value's decoding: what the record carries to the browser, and what the filters see. The JSON
 * text is made on first use (most records of a filtered scan are never shown nor read as text).
 */
export interface ValueDecoding {
  readonly schema: WireValueSchema;
  /** The decoded JSON as UTF-8, for the filters; null when it was not decoded. */
  readonly jsonBytes: Buffer | null;
  /** The decoded value itself, when the codec has it JSON-friendly (a JSON path reads it directly). */
  readonly parsed?: { value: unknown };
}

/** A record's value and key decodings (null: not framed for a registry). */
export interface RecordDecoding {
  value: ValueDecoding | null;
  key: ValueDecoding | null;
  /** The value's payload lacks the text the filter requires: not decoded, and not a match. */
  cannotMatch?: true;
}

const BACKSLASH = Buffer.from("\\");

/**
 * Text that a record's decoded value must hold for the query's JSON-path filter to match it (a string
 * compared with == or contains), as UTF-8; null when the filter requires none.
 */
export function requiredValueText(query: Pick<MessageQuery, "jsonPath">): Buffer | null {
  if (query.jsonPath === undefined) return null;
  const parsed = parseJsonPath(query.jsonPath);
  const text = parsed.ok ? requiredJsonText(parsed.expression) : null;
  return text === null ? null : Buffer.from(text);
}

export class SearchSchemas {
  private readonly loaded = new Map<number, Promise<Loaded>>();
  private readonly settled = new Map<number, Loaded>();
  /** Per schema id, whether the needle of the search's filter is in a matching value's payload. */
  private readonly needleInPayload = new Map<number, boolean | "unless-escaped">();
  private needle: Buffer | null = null;

  constructor(
    private readonly client: SchemaRegistryClient,
    private readonly maxSchemas = MAX_SCHEMAS,
  ) {}

  /**
   * Decodes the framed values among `values` (others answer null), fetching the schemas first.
   * Never throws: a value that cannot be decoded says why and keeps its bytes.
   */
  async decodeAll(values: readonly (Uint8Array | null)[]): Promise<(ValueDecoding | null)[]> {
    const framed = values.map(parseFraming);
    await this.loadFor(framed);
    return framed.map((frame) => (frame ? this.decodeOne(frame.schemaId, frame.body) : null));
  }

  /**
   * decodeAll for the values and keys of records, their schemas fetched together. With `needle` (see
   * requiredValueText), a value whose codec keeps strings in the payload and whose payload lacks
   * the needle is not decoded: it cannot match the search's filter, and says so (`cannotMatch`).
   */
  async decodeRecords(
    records: readonly { value: Uint8Array | null; key: Uint8Array | null }[],
    needle: Buffer | null = null,
  ): Promise<RecordDecoding[]> {
    const values = records.map((record) => parseFraming(record.value));
    const keys = records.map((record) => parseFraming(record.key));
    await this.loadFor([...values, ...keys]);
    return records.map((_, index) => {
      const value = values[index];
      if (needle && value && this.cannotHold(value, needle))
        return { value: null, key: null, cannotMatch: true };
      const key = keys[index];
      return {
        value: value ? this.decodeOne(value.schemaId, value.body) : null,
        key: keyDecoding(key ? this.decodeOne(key.schemaId, key.body) : null),
      };
    });
  }

  private async loadFor(frames: readonly (FramedValue | null)[]): Promise<void> {
    const ids = new Set<number>();
    for (const frame of frames) if (frame && !this.usable(frame.schemaId)) ids.add(frame.schemaId);
    if (ids.size > 0) await Promise.all([...ids].map((id) => this.load(id)));
  }

  /** The payload cannot decode to a value holding the needle (JSON text with a backslash might). */
  private cannotHold({ schemaId, body }: FramedValue, needle: Buffer): boolean {
    if (this.needle !== needle) {
      this.needle = needle;
      this.needleInPayload.clear();
    }
    let inPayload = this.needleInPayload.get(schemaId);
    if (inPayload === undefined) {
      const entry = this.settled.get(schemaId);
      inPayload = (entry?.ok && entry.codec.textInPayload?.(needle.toString())) || false;
      this.needleInPayload.set(schemaId, inPayload);
    }
    if (inPayload === false) return false;
    const payload = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    if (payload.indexOf(needle) !== -1) return false;
    return inPayload === true || payload.indexOf(BACKSLASH) === -1;
  }

  private usable(id: number): boolean {
    const entry = this.settled.get(id);
    return entry !== undefined && (entry.ok || entry.retryAt === undefined || entry.retryAt > Date.now());
  }

  private load(id: number): Promise<Loaded> {
    const current = this.loaded.get(id);
    if (current && this.usable(id)) return current;
    if (current && !this.settled.has(id)) return current; // in flight
    if (!current && this.loaded.size >= this.maxSchemas) {
      const refused: Loaded = {
        ok: false,
        info: { schemaId: id },
        error: `This search met more than ${this.maxSchemas} schema ids; schema ${id} was not fetched`,
      };
      this.settled.set(id, refused);
      return Promise.resolve(refused);
    }
    const loading = this.fetch(id).then((loaded) => {
      this.settled.set(id, loaded);
      return loaded;
    });
    this.settled.delete(id);
    this.loaded.set(id, loading);
    return loading;
  }

  private async fetch(id: number): Promise<Loaded> {
    const [registered, usages] = await Promise.all([
      this.client.getSchemaById(id),
      this.client.schemaUsages(id),
    ]);
    const usage = usages.ok ? usages.data[0] : undefined;
    const info = { schemaId: id, ...(usage && { subject: usage.subject, version: usage.version }) };
    if (!registered.ok) {
      const { problem } = registered;
      if (problem.kind === "not-found")
        return {
          ok: false,
          info,
          error: `Unknown schema id ${id}: the registry has no schema with this id (deleted?)`,
        };
      return {
        ok: false,
        info,
        error: `The schema registry did not give schema ${id}: ${problem.title}${problem.code ? ` (${problem.code})` : ""}`,
        retryAt: Date.now() + RETRY_AFTER_MS,
      };
    }
    const format = registered.data.schemaType;
    const resolved = await resolveSchema(this.client, registered.data);
    if (!resolved.ok)
      return {
        ok: false,
        info: { ...info, format },
        error: `Schema ${id}'s references could not be fetched: ${resolved.problem.title}`,
        ...(resolved.problem.kind !== "not-found" && { retryAt: Date.now() + RETRY_AFTER_MS }),
      };
    try {
      return { ok: true, info: { ...info, format }, codec: compileCodec(resolved.data) };
    } catch (error) {
      const message = error instanceof CodecError ? error.message : String(error);
      return { ok: false, info: { ...info, format }, error: `Schema ${id} cannot be used: ${message}` };
    }
  }

  private decodeOne(id: number, body: Uint8Array): ValueDecoding {
    const entry = this.settled.get(id);
    if (!entry) return { schema: { schemaId: id, error: `Schema ${id} was not fetched` }, jsonBytes: null };
    if (!entry.ok) return { schema: { ...entry.info, error: entry.error }, jsonBytes: null };
    try {
      return lazyDecoding(entry.info, entry.codec.decode(body));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { schema: { ...entry.info, error: message }, jsonBytes: null };
    }
  }
}

function lazyDecoding(info: Omit<WireValueSchema, "json" | "error">, decoded: DecodedValue): ValueDecoding {
  let schema: WireValueSchema | undefined;
  let jsonBytes: Buffer | undefined;
  return {
    get schema() {
      if (!schema) {
        schema = { ...info, json: decoded.json };
        if (decoded.messageType) schema.messageType = decoded.messageType;
        if (decoded.mismatch) schema.error = `The value does not match its JSON schema: ${decoded.mismatch}`;
      }
      return schema;
    },
    get jsonBytes() {
      return (jsonBytes ??= Buffer.from(decoded.json));
    },
    parsed: decoded.parsed,
  };
}

/** A key filter matches text: a key decoded to a JSON string is that string, not its quoted JSON. */
function keyDecoding(decoding: ValueDecoding | null): ValueDecoding | null {
  if (!decoding) return null;
  let text: unknown = decoding.parsed?.value;
  if (!decoding.parsed) {
    const json = decoding.schema.json;
    if (json === undefined || !json.startsWith('"')) return decoding;
    try {
      text = JSON.parse(json);
    } catch {
      return decoding;
    }
  }
  if (typeof text !== "string") return decoding;
  return {
    get schema() {
      return decoding.schema;
    },
    jsonBytes: Buffer.from(text),
  };
}
