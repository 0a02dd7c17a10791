import "server-only";

// Look-alike names by Unicode TS #39's skeleton: NFD, each character replaced by its prototype from
// confusables.txt, NFD again. Two names with the same skeleton look the same to a reader. The data
// is Unicode's own confusables.txt as the unhomoglyph package ships it (one code point → prototype).
import confusableMap from "unhomoglyph/data.json";

import { describeCodePoint } from "./name-characters";

const PROTOTYPES: Readonly<Record<string, string>> = confusableMap;

/** UTS #39 skeleton(X). */
export function skeleton(text: string): string {
  let mapped = "";
  for (const character of text.normalize("NFD")) mapped += PROTOTYPES[character] ?? character;
  return mapped.normalize("NFD");
}

/**
 * The skeleton ignoring case, as the reserved-name check does. Skeleton first: lower-casing first
 * would turn "I" into "i" before confusables.txt maps it to "l"; lower-casing after it makes the
 * prototype "O" (of "0") meet "o", so "KAFKA-BR0KER" and "kafka-consoIe" meet the reserved names.
 */
export function confusableKey(text: string): string {
  return skeleton(skeleton(text).toLowerCase());
}

/** The characters that make the name a look-alike: those the skeleton replaces. */
function disguisingCharacters(name: string): string[] {
  const described = new Set<string>();
  for (const character of name.normalize("NFD")) {
    const prototype = PROTOTYPES[character];
    if (prototype !== undefined && prototype !== character.toLowerCase())
      described.add(describeCodePoint(character.codePointAt(0)!));
  }
  return [...described];
}

export interface LookAlike {
  reservedName: string;
  characters: string[];
}

/**
 * The protected name this one imitates without being it (case aside), if any. An exact match is not
 * a look-alike: whether that may be issued is the reserved-name rule's business.
 */
export function lookAlikeOf(name: string, protectedNames: readonly string[]): LookAlike | undefined {
  const key = confusableKey(name);
  const reservedName = protectedNames.find(
    (candidate) => candidate.toLowerCase() !== name.toLowerCase() && confusableKey(candidate) === key,
  );
  return reservedName === undefined ? undefined : { reservedName, characters: disguisingCharacters(name) };
}
