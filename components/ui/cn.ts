/** Joins class names, skipping the falsy ones. No merging: callers add layout, not conflicting styles. */
export function cn(...classNames: Array<string | false | null | undefined>): string {
  return classNames.filter(Boolean).join(" ");
}
