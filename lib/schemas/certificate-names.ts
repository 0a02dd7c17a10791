// Subject names of certificates: the CN and the other DN attributes, and subject alternative names
// of each type. Pure (no Node imports): the forms validate with these in the browser too.
import { z } from "zod";

/** Shown next to the CN field: why some characters are refused. */
export const COMMON_NAME_RULES =
  'Up to 64 characters, without , + = " \\ < > ; # or control characters and without leading or trailing spaces: ' +
  "those would change the distinguished name, and so the principal (User:<CN>) the broker sees. No * either: " +
  "Kafka reads User:* as every principal.";

const FORBIDDEN_IN_NAME = /[,+="\\<>;#\u0000-\u001f\u007f]/;

export const commonNameSchema = z
  .string()
  .min(1, "Enter a common name (CN)")
  .max(64, "At most 64 characters")
  .refine((value) => !FORBIDDEN_IN_NAME.test(value), {
    message: `The CN may not contain , + = " \\ < > ; # or control characters: they would change the principal User:<CN> the broker derives from it`,
  })
  .refine((value) => value.trim() === value, { message: "No leading or trailing spaces in the CN" })
  // An ACL for User:* applies to everyone; a CN with "*" invites exactly that ACL by mistake.
  .refine((value) => !value.includes("*"), {
    message:
      "The CN may not contain *: Kafka reads User:* as every principal, so ACLs for this name would be easy to confuse with ACLs for everyone",
  });

/** Optional subject attributes: empty form fields count as absent. */
export const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const subjectAttribute = (label: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(64, `${label}: at most 64 characters`)
      .refine((value) => !FORBIDDEN_IN_NAME.test(value), {
        message: `${label} may not contain , + = " \\ < > ; # or control characters`,
      })
      .refine((value) => value.trim() === value, { message: `${label}: no leading or trailing spaces` })
      .optional(),
  );

// A DNS label: letters, digits and hyphens, not starting or ending with a hyphen, 1-63 characters.
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Host names, with "*" allowed only as the whole leftmost label ("*.kafka.example.com"). */
export function isValidDnsName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  const labels = value.split(".");
  return labels.every(
    (label, index) => DNS_LABEL.test(label) || (index === 0 && label === "*" && labels.length > 1),
  );
}

export function isValidIpAddress(value: string): boolean {
  return z.ipv4().safeParse(value).success || z.ipv6().safeParse(value).success;
}

export function isValidEmailAddress(value: string): boolean {
  const at = value.lastIndexOf("@");
  if (at < 1 || value.length > 254) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return (
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/.test(local) && !domain.includes("*") && isValidDnsName(domain)
  );
}

/** An absolute URI with a scheme ("spiffe://cluster/ns/app", "https://…", "urn:…"). */
export function isValidUri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value) || value.length > 2048) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export const SAN_TYPES = ["dns", "ip", "email", "uri"] as const;
export type SanType = (typeof SAN_TYPES)[number];

export const subjectAltNameSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("dns"),
    value: z.string().trim().refine(isValidDnsName, {
      message: "Not a DNS name: labels of letters, digits and '-', '*' only as the whole leftmost label",
    }),
  }),
  z.object({
    type: z.literal("ip"),
    value: z.string().trim().refine(isValidIpAddress, { message: "Not an IPv4 or IPv6 address" }),
  }),
  z.object({
    type: z.literal("email"),
    value: z
      .string()
      .trim()
      .refine(isValidEmailAddress, { message: "Not an e-mail address (name@example.com)" }),
  }),
  z.object({
    type: z.literal("uri"),
    value: z
      .string()
      .trim()
      .refine(isValidUri, { message: "Not an absolute URI with a scheme (such as spiffe://… or https://…)" }),
  }),
]);
export type SubjectAltName = z.infer<typeof subjectAltNameSchema>;

const SAN_PREFIXES: Record<string, SanType> = { dns: "dns", ip: "ip", email: "email", uri: "uri" };

/**
 * A SAN written as text: "DNS:host", "IP:10.0.0.1", "email:a@b.c", "URI:spiffe://…", or bare (then
 * an IP address is an IP, something with "@" an e-mail, something with "://" a URI, else a DNS name).
 */
export function parseSubjectAltName(text: string): { type: SanType | string; value: string } {
  const trimmed = text.trim();
  const match = /^([a-z]+):(?!\/\/)(.*)$/i.exec(trimmed);
  const prefix = match?.[1]?.toLowerCase();
  if (match && prefix && prefix in SAN_PREFIXES)
    return { type: SAN_PREFIXES[prefix]!, value: match[2]!.trim() };
  if (isValidIpAddress(trimmed)) return { type: "ip", value: trimmed };
  if (trimmed.includes("://") || /^urn:/i.test(trimmed)) return { type: "uri", value: trimmed };
  if (trimmed.includes("@")) return { type: "email", value: trimmed };
  return { type: "dns", value: trimmed };
}

/**
 * Accepts an array of {type, value}, or text (a form's textarea or repeated fields): one SAN per
 * line or comma, each as parseSubjectAltName reads it.
 */
export function normalizeSans(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return [];
  const entries = Array.isArray(value) ? value : [value];
  return entries.flatMap((entry) =>
    typeof entry === "string"
      ? entry
          .split(/[\n,]/)
          .filter((part) => part.trim() !== "")
          .map(parseSubjectAltName)
      : [entry],
  );
}

export const subjectAltNamesSchema = z.preprocess(
  normalizeSans,
  z.array(subjectAltNameSchema).max(100, "At most 100 subject alternative names"),
);
