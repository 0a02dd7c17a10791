// Characters that never belong in a principal, host or resource name: control characters (a newline
// in an ACL's resource name makes a binding that no client can match and that the tables show as two
// lines), line and paragraph separators, and the bidi controls that make a name display as another.
// Pure: client components validate with it too.
import type { z } from "zod";

const C0_NAMES = [
  "NULL",
  "START OF HEADING",
  "START OF TEXT",
  "END OF TEXT",
  "END OF TRANSMISSION",
  "ENQUIRY",
  "ACKNOWLEDGE",
  "BELL",
  "BACKSPACE",
  "CHARACTER TABULATION",
  "LINE FEED",
  "LINE TABULATION",
  "FORM FEED",
  "CARRIAGE RETURN",
  "SHIFT OUT",
  "SHIFT IN",
  "DATA LINK ESCAPE",
  "DEVICE CONTROL ONE",
  "DEVICE CONTROL TWO",
  "DEVICE CONTROL THREE",
  "DEVICE CONTROL FOUR",
  "NEGATIVE ACKNOWLEDGE",
  "SYNCHRONOUS IDLE",
  "END OF TRANSMISSION BLOCK",
  "CANCEL",
  "END OF MEDIUM",
  "SUBSTITUTE",
  "ESCAPE",
  "INFORMATION SEPARATOR FOUR",
  "INFORMATION SEPARATOR THREE",
  "INFORMATION SEPARATOR TWO",
  "INFORMATION SEPARATOR ONE",
];

const OTHER_NAMES: Record<number, string> = {
  0x7f: "DELETE",
  0x85: "NEXT LINE",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
};

const REFUSED = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** "U+000A LINE FEED" for the first refused character and its 1-based position, or null. */
export function findControlCharacter(text: string): { name: string; position: number } | null {
  const match = REFUSED.exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0)!;
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  const name = C0_NAMES[code] ?? OTHER_NAMES[code] ?? "a control character";
  return { name: `U+${hex} ${name}`, position: [...text.slice(0, match.index)].length + 1 };
}

/**
 * A superRefine that refuses control characters in `label` ("principal", "resource name"). Rules
 * after it take `onlyIfClean`, so the message names the character rather than a format the name
 * does not match. The issue stays continuable: an aborting one would hide it inside a union's
 * "Invalid input" (the REST body is a union of the form and explicit bindings).
 */
export function refuseControlCharacters(label: string) {
  return (text: string, ctx: z.RefinementCtx) => {
    const found = findControlCharacter(text);
    if (!found) return;
    ctx.addIssue({
      code: "custom",
      message: `The ${label} contains ${found.name} at character ${found.position}; control characters are not allowed`,
    });
  };
}

/** For the refinements after refuseControlCharacters: run only while the value has no issue yet. */
export const onlyIfClean = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };
