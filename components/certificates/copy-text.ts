/** Copies to the clipboard; without the Clipboard API (plain http from another host) selects the control's text instead. */
export async function copyText(
  text: string,
  control: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!control) return false;
    control.select();
    return document.execCommand("copy");
  }
}
