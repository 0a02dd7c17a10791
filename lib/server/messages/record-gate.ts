// Texts a matching record must hold, checked on bytes before anything is decoded. Most searches look
// for something specific (a device id, an order number): a Kafka record batch holding none of it has
// no match, so its records are counted and never read, parsed or sent to a filter worker; in a batch
// that holds it, only the records whose bytes hold it are read. Searching a batch's bytes for a few
// needles costs far less than reading its records (issue 11).
import type { TextRequirement } from "@/lib/messages/filters";

import type { FilterableRecord } from "./matcher";

/** Each entry: the alternatives of one requirement (a record must hold one of each). */
export type Requirements = Buffer[][];

const asBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The requirements a batch's stored bytes can be checked against. A key or value decoded with a
 * registry schema is filtered as its decoded JSON, which its stored bytes need not spell (an Avro
 * enum is a number): with a registry, only the headers' requirements hold for stored bytes.
 */
export function storedRequirements(requirements: TextRequirement[], decoded: boolean): Requirements {
  return requirements
    .filter((requirement) => !decoded || requirement.of === "headers")
    .map((requirement) => requirement.anyOf.map(asBuffer));
}

/** Past this many places in one batch, a requirement is taken as met by every record of it. */
const MAX_LISTED = 64;

/**
 * Per requirement, where in a batch's payload one of its alternatives starts (sorted), or null when
 * it is met in too many places to list.
 */
export type Occurrences = (number[] | null)[];

/**
 * Finds where a batch's records (their bytes, decompressed) meet each requirement: null when one is
 * met nowhere, so no record of the batch can match. Null instead of a gate when nothing is required.
 */
export function batchGate(requirements: Requirements): ((payload: Buffer) => Occurrences | null) | null {
  if (requirements.length === 0) return null;
  return (payload) => {
    const found: Occurrences = [];
    for (const alternatives of requirements) {
      const places = occurrences(payload, alternatives);
      if (places?.length === 0) return null;
      found.push(places);
    }
    return found;
  };
}

function occurrences(payload: Buffer, alternatives: Buffer[]): number[] | null {
  const places: number[] = [];
  for (const needle of alternatives) {
    for (let at = payload.indexOf(needle); at !== -1; at = payload.indexOf(needle, at + 1)) {
      if (places.length === MAX_LISTED) return null;
      places.push(at);
    }
  }
  return places.sort((a, b) => a - b);
}

/** Whether the bytes from `start` to `end` hold a place of every requirement. */
export function rangeHolds(found: Occurrences, start: number, end: number): boolean {
  return found.every((places) => places === null || placeIn(places, start, end));
}

function placeIn(places: number[], start: number, end: number): boolean {
  let low = 0;
  let high = places.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (places[middle]! < start) low = middle + 1;
    else high = middle;
  }
  return low < places.length && places[low]! < end;
}

const holdsAny = (bytes: Buffer, alternatives: Buffer[]) =>
  alternatives.some((needle) => bytes.indexOf(needle) !== -1);

/** Whether one record may match: each requirement's alternative in its key, value or a header. */
export function recordMayMatch(record: FilterableRecord, requirements: Requirements): boolean {
  return requirements.every((alternatives) => {
    if (record.key && holdsAny(record.key, alternatives)) return true;
    if (record.value && holdsAny(record.value, alternatives)) return true;
    return record.headers.some(
      ([name, value]) => (name && holdsAny(name, alternatives)) || (value && holdsAny(value, alternatives)),
    );
  });
}
