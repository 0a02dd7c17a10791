// Number formatting shared by the topic list and the topic page (their addresses are in lib/paths.ts).

/** A decimal string of any size (offsets are int64) with thousands separators. */
export function formatCount(decimal: string): string {
  return /^\d+$/.test(decimal) ? BigInt(decimal).toLocaleString("en") : decimal;
}
