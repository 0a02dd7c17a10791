import "server-only";

// Characters a CN must not hide: a name an operator reads in the inventory, an ACL listing or a
// broker log must be the name the broker matches. Invisible, reordering and line-breaking characters
// make two principals look the same (or one look like another), so they are refused whoever asks.
import { unicodeName } from "unicode-name";

/** "U+202E RIGHT-TO-LEFT OVERRIDE": how refusals name a character. */
export function describeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, "0");
  const name = unicodeName(codePoint);
  return name && !name.startsWith("<") ? `U+${hex} ${name}` : `U+${hex}`;
}

// Checked in order: the first that matches explains the character. Bidi controls are Cf too, but
// their danger (reordering what is displayed) is worth naming.
const HIDDEN_KINDS: [RegExp, string][] = [
  [/\p{Bidi_Control}/u, "an invisible bidi control that reorders how the name is displayed"],
  [/[\p{Zl}\p{Zp}]/u, "a line or paragraph separator that breaks the name across lines in logs"],
  [/\p{Cc}/u, "a control character"],
  [/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u, "an invisible character that displays as nothing"],
  [/\p{Zs}/u, "a space that is not the ordinary space U+0020 and looks the same"],
  [/\p{Co}/u, "a private-use character with no agreed appearance"],
  [/\p{Cs}/u, "half of a UTF-16 surrogate pair, not a character"],
  [/\p{Cn}/u, "a code point Unicode has not assigned"],
];

export interface HiddenCharacter {
  codePoint: number;
  description: string;
  why: string;
}

/** Every refused character in the text, once each, in order of appearance. */
export function hiddenCharacters(text: string): HiddenCharacter[] {
  const found = new Map<number, HiddenCharacter>();
  for (const character of text) {
    if (character === " ") continue;
    const codePoint = character.codePointAt(0)!;
    const kind = HIDDEN_KINDS.find(([pattern]) => pattern.test(character));
    if (kind && !found.has(codePoint))
      found.set(codePoint, { codePoint, description: describeCodePoint(codePoint), why: kind[1] });
  }
  return [...found.values()];
}
