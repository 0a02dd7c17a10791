// Values of the configuration that may be secrets or PEM: inline, from a file or from an environment
// variable, resolved by an injected ValueResolver and checked without ever echoing the value.
import { z } from "zod";

/** A secret or PEM value: inline, `{ file: path }` (relative to the config file) or `{ env: VAR_NAME }`. */
export const valueSourceSchema = z.union(
  [z.string(), z.strictObject({ file: z.string().min(1) }), z.strictObject({ env: z.string().min(1) })],
  {
    // Looks at the type only: the value may be a secret.
    error: ({ input }) =>
      typeof input === "number" || typeof input === "boolean"
        ? "YAML reads this as a number or boolean; quote it to make it a string"
        : "expected a string, { file: path } or { env: VAR_NAME }",
  },
);
export type ValueSource = z.infer<typeof valueSourceSchema>;
export type ValueReference = Exclude<ValueSource, string>;

/** Failure messages name the file or variable, never the value. */
export type ResolvedValue = { ok: true; value: string } | { ok: false; message: string };
export type ValueResolver = (reference: ValueReference) => ResolvedValue;

/** Checks resolved text; returns why it is unusable, completing "<origin> ...". */
export type ContentCheck = (text: string) => string | undefined;

function describeOrigin(source: ValueSource): string {
  if (typeof source === "string") return "the inline value";
  return "file" in source ? `file ${source.file}` : `environment variable ${source.env}`;
}

export function resolvedValueSchema(resolve: ValueResolver, check?: ContentCheck) {
  return valueSourceSchema.transform((source, ctx) => {
    const reject = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    const resolved: ResolvedValue =
      typeof source === "string" ? { ok: true, value: source } : resolve(source);
    if (!resolved.ok) return reject(resolved.message);
    const origin = describeOrigin(source);
    if (resolved.value === "") return reject(`${origin} is empty`);
    // Name the origin, never echo the value: it may be a password or a private key.
    const reason = check?.(resolved.value);
    if (reason === undefined) return resolved.value;
    return reject(
      `${origin} ${reason}${typeof source === "string" ? "; to read a file, write { file: path }" : ""}`,
    );
  });
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n[\s\S]*?-----END \1-----/g;
const pemLabels = (text: string) => Array.from(text.matchAll(PEM_BLOCK), (match) => match[1] ?? "");

export const certificateCheck: ContentCheck = (text) =>
  pemLabels(text).includes("CERTIFICATE")
    ? undefined
    : "does not contain a PEM certificate (-----BEGIN CERTIFICATE-----)";

export const privateKeyCheck: ContentCheck = (text) => {
  const labels = pemLabels(text);
  // The Kafka client gets no passphrase, so an encrypted key would only fail later, at the TLS handshake.
  if (labels.includes("ENCRYPTED PRIVATE KEY") || text.includes("Proc-Type: 4,ENCRYPTED")) {
    return "holds an encrypted private key; the console needs it unencrypted (passphrases are not supported)";
  }
  return labels.some((label) => /^(?:RSA |EC |DSA )?PRIVATE KEY$/.test(label))
    ? undefined
    : "does not contain a PEM private key (-----BEGIN PRIVATE KEY-----)";
};

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;
// Cross-field checks also run when a sibling field is invalid, so every problem is reported at once.
export const evenIfFieldsAreInvalid = { when: ({ value }: { value: unknown }) => isObject(value) };
