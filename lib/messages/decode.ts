// How a key, value or header value is shown: detected automatically (JSON, UTF-8 text, binary) or
// as the user chooses per column. Pure. Everything returned is plain text for React text nodes:
// nothing from a message is ever turned into HTML.
import type { WirePayload } from "./events";

export const DECODE_MODES = ["auto", "json", "text", "hex", "base64"] as const;
export type DecodeMode = (typeof DECODE_MODES)[number];
export const DECODE_MODE_LABELS: Record<DecodeMode, string> = {
  auto: "Automatic",
  json: "JSON",
  text: "UTF-8 text",
  hex: "Hex dump",
  base64: "Base64",
};

export type PayloadKind = "json" | "text" | "binary";

export interface DecodedPayload {
  /** What the bytes were shown as. */
  shownAs: "json" | "text" | "hex" | "base64";
  /** The text to display (pretty JSON, UTF-8 text, a hex dump or base64). */
  text: string;
  /** The parsed JSON value when shown as JSON (for the tree). */
  json?: { value: unknown };
  /** Why the chosen mode could not apply (e.g. "Not valid JSON"), shown next to the fallback. */
  note?: string;
}

/** Hex dumps stop here: beyond it, the dump says how many bytes it left out. */
export const HEX_DUMP_LIMIT = 64 * 1024;

const fatalDecoder = new TextDecoder("utf-8", { fatal: true });
const lenientDecoder = new TextDecoder("utf-8");
const textCache = new WeakMap<WirePayload, string | null>();
const jsonCache = new WeakMap<WirePayload, { value: unknown } | null>();

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  // Chunked: String.fromCharCode with a huge spread overflows the stack.
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

export function payloadBytes(payload: WirePayload): Uint8Array {
  if (payload.base64 !== undefined) return base64ToBytes(payload.base64);
  return new TextEncoder().encode(payload.text ?? "");
}

/** The payload as UTF-8 text, or null when its bytes are not valid UTF-8. */
export function payloadText(payload: WirePayload): string | null {
  if (payload.text !== undefined) return payload.text;
  const cached = textCache.get(payload);
  if (cached !== undefined) return cached;
  let text: string | null;
  try {
    text = fatalDecoder.decode(base64ToBytes(payload.base64 ?? ""));
    // Control characters other than whitespace mark binary data even when they are valid UTF-8.
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) text = null;
  } catch {
    text = null;
  }
  textCache.set(payload, text);
  return text;
}

/** The parsed JSON, or null when the payload is not JSON text. */
export function payloadJson(payload: WirePayload): { value: unknown } | null {
  const cached = jsonCache.get(payload);
  if (cached !== undefined) return cached;
  const text = payloadText(payload);
  let json: { value: unknown } | null = null;
  if (text !== null && text.trim() !== "") {
    try {
      json = { value: JSON.parse(text) };
    } catch {
      json = null;
    }
  }
  jsonCache.set(payload, json);
  return json;
}

export function detectKind(payload: WirePayload): PayloadKind {
  if (payloadJson(payload)) return "json";
  return payloadText(payload) === null ? "binary" : "text";
}

/** Full decoding for the detail view. */
export function decodePayload(payload: WirePayload, mode: DecodeMode): DecodedPayload {
  const kind = mode === "auto" ? detectKind(payload) : null;
  if (mode === "json" || kind === "json") {
    const json = payloadJson(payload);
    if (json) return { shownAs: "json", text: JSON.stringify(json.value, null, 2), json };
    if (mode === "json") {
      const fallback = decodePayload(payload, "auto");
      const note = payload.truncated
        ? "Not valid JSON as shown: only the start of the value was loaded"
        : "Not valid JSON";
      return { ...fallback, note };
    }
  }
  if (mode === "text" || kind === "text") {
    const text = payloadText(payload);
    if (text !== null) return { shownAs: "text", text };
    return {
      shownAs: "text",
      text: lenientDecoder.decode(payloadBytes(payload)),
      note: "Not valid UTF-8: invalid bytes are shown as �",
    };
  }
  if (mode === "base64")
    return { shownAs: "base64", text: payload.base64 ?? bytesToBase64(payloadBytes(payload)) };
  return { shownAs: "hex", text: hexDump(payloadBytes(payload)) };
}

const printable = (byte: number) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ".");

/** `00000000: 4865 6c6c 6f20 776f 726c 640a            Hello world.` – xxd's layout. */
export function hexDump(bytes: Uint8Array, limit = HEX_DUMP_LIMIT): string {
  const shown = bytes.subarray(0, limit);
  const lines: string[] = [];
  for (let offset = 0; offset < shown.length; offset += 16) {
    const row = shown.subarray(offset, offset + 16);
    let hex = "";
    for (let index = 0; index < 16; index += 1) {
      hex += index < row.length ? row[index]!.toString(16).padStart(2, "0") : "  ";
      if (index % 2 === 1) hex += " ";
    }
    lines.push(`${offset.toString(16).padStart(8, "0")}: ${hex} ${Array.from(row, printable).join("")}`);
  }
  if (bytes.length > shown.length)
    lines.push(`… ${(bytes.length - shown.length).toLocaleString("en")} more bytes not shown`);
  return lines.join("\n");
}

/** Control characters made visible (␀, ␊, …) so a one-line preview never breaks its row. */
export function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (char) =>
    char === "\u007f" ? "␡" : String.fromCharCode(0x2400 + char.charCodeAt(0)),
  );
}

const previewCache = new WeakMap<WirePayload, Map<string, string>>();

/** A one-line preview for a table cell, at most `maxChars` characters; cached per payload. */
export function previewPayload(payload: WirePayload | null, mode: DecodeMode, maxChars = 160): string {
  if (payload === null) return "";
  let cache = previewCache.get(payload);
  if (!cache) previewCache.set(payload, (cache = new Map()));
  const cacheKey = `${mode}:${maxChars}`;
  let preview = cache.get(cacheKey);
  if (preview === undefined) {
    preview = computePreview(payload, mode, maxChars);
    cache.set(cacheKey, preview);
  }
  return preview;
}

function computePreview(payload: WirePayload, mode: DecodeMode, maxChars: number): string {
  let text: string;
  if (mode === "auto" || mode === "json" || mode === "text") {
    const utf8 = payloadText(payload);
    if (utf8 !== null) {
      const json = mode === "text" ? null : payloadJson(payload);
      // Compact JSON reads better on one line than its original whitespace.
      text = json && utf8.length < 100_000 ? JSON.stringify(json.value) : utf8;
    } else if (mode === "text") text = lenientDecoder.decode(payloadBytes(payload).subarray(0, maxChars * 4));
    else text = hexPreview(payload, maxChars);
  } else if (mode === "base64")
    text = payload.base64 ?? bytesToBase64(payloadBytes(payload).subarray(0, maxChars));
  else text = hexPreview(payload, maxChars);
  const single = visibleControls(text.length > maxChars * 2 ? text.slice(0, maxChars * 2) : text);
  return single.length > maxChars ? `${single.slice(0, maxChars - 1)}…` : single;
}

function hexPreview(payload: WirePayload, maxChars: number): string {
  const bytes = payloadBytes(payload).subarray(0, Math.ceil(maxChars / 3));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join(" ");
}

/** The text a quick search and the export use: UTF-8 when valid, else base64. */
export function searchableText(payload: WirePayload | null): string {
  if (payload === null) return "";
  return payloadText(payload) ?? payload.base64 ?? "";
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}
