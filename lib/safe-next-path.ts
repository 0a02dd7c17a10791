// Where a browser may be sent after signing in or changing a password: `next` comes from the URL,
// so anyone can craft it. A prefix check on the raw string is not enough: browsers drop tabs and
// newlines and read "\" as "/", so "/\t/evil.example" is "//evil.example" to them. The URL parser
// applies the same rules, so what it keeps on our origin is what a browser would keep too.

import { consolePath } from "@/lib/paths";

const FALLBACK = consolePath();
// A base no request can come from: only a relative reference stays on it.
const BASE = new URL("http://console.invalid");

/**
 * A path on this site, rebuilt from the parsed URL (pathname, query, fragment), or "/console".
 * Every reader of `next` (sign-in page and action, password change, page guard, proxy) uses this.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (typeof next !== "string" || next === "") return FALLBACK;
  let parsed: URL;
  try {
    parsed = new URL(next, BASE);
  } catch {
    return FALLBACK;
  }
  if (parsed.origin !== BASE.origin) return FALLBACK;
  // "/.//evil.example" stays on the base but its path starts with "//": as a Location, another host.
  if (parsed.pathname.startsWith("//")) return FALLBACK;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
