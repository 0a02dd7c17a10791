/**
 * The form-level message for a refused submit: the error itself when no field is to blame, else a
 * pointer to the highlighted fields plus any field errors the form has no place for (a CSR's own
 * CN or SANs, say), so no message is shown twice or lost.
 */
export function formAlertText(
  error: string,
  fieldErrors: Record<string, string[]> | undefined,
  isPlaced: (field: string) => boolean,
): string {
  const entries = Object.entries(fieldErrors ?? {});
  if (entries.length === 0) return error;
  const unplaced = entries.filter(([field]) => !isPlaced(field)).flatMap(([, messages]) => messages);
  const pointer = entries.length > unplaced.length ? ["Check the highlighted fields."] : [];
  return [...pointer, ...unplaced].join(" ");
}
