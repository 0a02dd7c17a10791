// The console's configuration file (console.config.yaml) as zod schemas.
// The schemas stay pure: reading files and environment variables is injected as a ValueResolver, so
// lib/server decides where values come from while shape errors, missing files and bad PEM are all
// reported in one pass, each at its field path.
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
type ContentCheck = (text: string) => string | undefined;

function describeOrigin(source: ValueSource): string {
  if (typeof source === "string") return "the inline value";
  return "file" in source ? `file ${source.file}` : `environment variable ${source.env}`;
}

function resolvedValueSchema(resolve: ValueResolver, check?: ContentCheck) {
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

const certificateCheck: ContentCheck = (text) =>
  pemLabels(text).includes("CERTIFICATE")
    ? undefined
    : "does not contain a PEM certificate (-----BEGIN CERTIFICATE-----)";

const privateKeyCheck: ContentCheck = (text) => {
  const labels = pemLabels(text);
  // The Kafka client gets no passphrase, so an encrypted key would only fail later, at the TLS handshake.
  if (labels.includes("ENCRYPTED PRIVATE KEY") || text.includes("Proc-Type: 4,ENCRYPTED")) {
    return "holds an encrypted private key; the console needs it unencrypted (passphrases are not supported)";
  }
  return labels.some((label) => /^(?:RSA |EC |DSA )?PRIVATE KEY$/.test(label))
    ? undefined
    : "does not contain a PEM private key (-----BEGIN PRIVATE KEY-----)";
};

/** Appears in URLs (/api/v1/clusters/{name}), so a DNS-label-like slug. */
export const clusterNameSchema = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    "must be a url-safe slug: 1-63 lower-case letters, digits and dashes, not starting or ending with a dash",
  );

const HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const BROKER_ADDRESS = new RegExp(`^(?:${HOST_LABEL}(?:\\.${HOST_LABEL})*|\\[[0-9A-Fa-f:.]+\\]):(\\d{1,5})$`);

export function isBrokerAddress(address: string): boolean {
  const port = BROKER_ADDRESS.exec(address)?.[1];
  return port !== undefined && Number(port) >= 1 && Number(port) <= 65535;
}

const brokerAddressSchema = z
  .string()
  .trim()
  .refine(isBrokerAddress, {
    error: (issue) =>
      `"${String(issue.input)}" is not host:port (e.g. broker-1.example.com:9092 or [::1]:9092)`,
  });

// A comma-separated string is accepted too, as in Kafka's own bootstrap.servers and for env overrides.
const bootstrapBrokersSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",").filter((part) => part.trim() !== "") : value),
  z.array(brokerAddressSchema).min(1, "list at least one broker as host:port"),
);

const KAFKA_SASL_MECHANISMS = {
  plain: "PLAIN",
  "scram-sha-256": "SCRAM-SHA-256",
  "scram-sha-512": "SCRAM-SHA-512",
} as const;

// Kafka's documentation spells mechanisms in upper case; accept both spellings.
const saslMechanismSchema = z
  .string()
  .toLowerCase()
  .pipe(z.enum(["plain", "scram-sha-256", "scram-sha-512"]))
  .transform((name) => KAFKA_SASL_MECHANISMS[name]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;
// Cross-field checks also run when a sibling field is invalid, so every problem is reported at once.
const evenIfFieldsAreInvalid = { when: ({ value }: { value: unknown }) => isObject(value) };

function tlsSchema(resolve: ValueResolver) {
  return z
    .strictObject({
      ca: resolvedValueSchema(resolve, certificateCheck).optional(),
      cert: resolvedValueSchema(resolve, certificateCheck).optional(),
      key: resolvedValueSchema(resolve, privateKeyCheck).optional(),
      /** Name to verify instead of the broker's host (SNI and hostname check). */
      servername: z.string().min(1).optional(),
    })
    .superRefine((tls, ctx) => {
      if ((tls.cert === undefined) === (tls.key === undefined)) return;
      const missing = tls.cert === undefined ? "cert" : "key";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: "cert and key go together for client authentication",
      });
    }, evenIfFieldsAreInvalid);
}

function clusterSchema(resolve: ValueResolver) {
  return z.strictObject({
    name: clusterNameSchema,
    bootstrapBrokers: bootstrapBrokersSchema,
    tls: tlsSchema(resolve).optional(),
    sasl: z
      .strictObject({
        mechanism: saslMechanismSchema,
        username: z.string().min(1),
        password: resolvedValueSchema(resolve),
      })
      .optional(),
  });
}

function reportDuplicateNames(clusters: readonly unknown[], ctx: z.RefinementCtx) {
  const firstIndex = new Map<unknown, number>();
  clusters.forEach((cluster, index) => {
    const name = isObject(cluster) ? cluster.name : undefined;
    if (typeof name !== "string") return;
    const first = firstIndex.get(name);
    if (first === undefined) firstIndex.set(name, index);
    else
      ctx.addIssue({
        code: "custom",
        path: [index, "name"],
        message: `"${name}" is already clusters[${first}].name`,
      });
  });
}

/** Reserved for the server's own settings (later: store path, session secret, CA). */
export const serverSettingsSchema = z.strictObject({});
export type ServerSettings = z.output<typeof serverSettingsSchema>;

/** The whole file. A new section is one more key here plus its field in ConsoleConfig. */
export function consoleConfigSchema(resolve: ValueResolver) {
  return z.strictObject({
    clusters: z
      .array(clusterSchema(resolve))
      .min(1, "configure at least one cluster")
      .superRefine(reportDuplicateNames, { when: ({ value }) => Array.isArray(value) }),
    server: serverSettingsSchema.default({}),
  });
}

/** The YAML as written: value sources unresolved, mechanisms in lower case. */
export type ConsoleConfigFile = z.input<ReturnType<typeof consoleConfigSchema>>;
/** After validation: secrets and PEM resolved to their contents, mechanisms as the Kafka client spells them. */
export type ParsedConsoleConfig = z.output<ReturnType<typeof consoleConfigSchema>>;
