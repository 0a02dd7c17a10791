// The filter worker's side of a batch (packed by sandbox-protocol.ts packRecords): one transferred
// buffer holding, per record, the runner's arguments without the value ("key JSON \0 the rest") and
// the value, either as its ready JSON text or as the bytes stored in Kafka. Stored bytes are decoded,
// parsed and narrowed to the properties the expression reads here, on the worker, so the thread that
// serves requests only copies them: that work was a third of its time in a JavaScript scan (issue 11).

// ignoreBOM keeps a leading U+FEFF, as the serving thread's Buffer decoding does: such a value is text.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** Per record in `ends`: where its arguments end, where its value ends, and whether the value is raw. */
export const ENDS_PER_RECORD = 3;
export const RAW_VALUE = 1;

/**
 * One JSON text per record (the runner's argument array).
 * @param {Uint8Array} bytes
 * @param {Uint32Array} ends
 * @param {"whole" | string[]} properties what the expression reads of a raw value
 * @returns {string[]}
 */
export function unpackRecords(bytes, ends, properties) {
  const texts = [];
  for (let index = 0, start = 0; index < ends.length; index += ENDS_PER_RECORD) {
    const argumentsEnd = ends[index];
    const valueEnd = ends[index + 1];
    const parts = decoder.decode(bytes.subarray(start, argumentsEnd));
    const stored = decoder.decode(bytes.subarray(argumentsEnd, valueEnd));
    const value = ends[index + 2] === RAW_VALUE ? narrowedValue(stored, properties) : stored;
    const cut = parts.indexOf("\0");
    texts.push(`[${parts.slice(0, cut)},${value}${parts.slice(cut + 1)}`);
    start = valueEnd;
  }
  return texts;
}

/**
 * A stored value as the runner's argument: its JSON text, or only the top-level properties the
 * expression reads (see expression-usage.ts), or its text as a JSON string when it is not JSON.
 * @param {string} text
 * @param {"whole" | string[]} properties
 */
export function narrowedValue(text, properties) {
  let json;
  try {
    if (text === "") return '""';
    json = JSON.parse(text);
  } catch {
    return JSON.stringify(text);
  }
  if (properties === "whole" || json === null || typeof json !== "object" || Array.isArray(json)) return text;
  const members = [];
  for (const name of properties)
    if (Object.hasOwn(json, name)) members.push(`${JSON.stringify(name)}:${JSON.stringify(json[name])}`);
  return `{${members.join(",")}}`;
}
