// What both stores' audit queries read the same way: the page cap, an action prefix as a LIKE
// pattern, and a time bound as the stored ISO text.
export const MAX_AUDIT_PAGE = 1000;

/** "auth." → "auth.%", with the prefix's own % and _ matched literally. */
export const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (wildcard) => `\\${wildcard}`)}%`;

/** Accepts any date the Date constructor reads and compares it as the stored ISO text. */
export function isoTimestamp(value: string, name: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`audit query: ${name} is not a timestamp`);
  return date.toISOString();
}
