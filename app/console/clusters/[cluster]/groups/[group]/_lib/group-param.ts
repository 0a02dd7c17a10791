/** The router hands the segment over encoded or not depending on the path; a group id may hold "%" itself. */
export function groupOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
