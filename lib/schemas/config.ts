// The console's configuration file (console.config.yaml) as zod schemas.
// The schemas stay pure: reading files and environment variables is injected as a ValueResolver, so
// lib/server decides where values come from while shape errors, missing files and bad PEM are all
// reported in one pass, each at its field path.
import { z } from "zod";

import { flag, wholeNumber } from "./config-scalars";
import { lagHistorySettingsSchema } from "./lag-history-config";
import { restProxySettingsSchema } from "./rest-proxy-config";
import { authConfigSchema } from "./auth-config";
import { caSettingsSchema } from "./config-ca";
import { schemaRegistrySchema } from "./schema-registry-config";
import { type StoreSettings, storeSettingsSchema } from "./store-config";
import {
  certificateCheck,
  evenIfFieldsAreInvalid,
  isObject,
  privateKeyCheck,
  resolvedValueSchema,
  type ContentCheck,
  type ValueResolver,
} from "./config-values";

export {
  caSettingsSchema,
  DEFAULT_RESERVED_NAMES,
  KEY_ENCRYPTION_KEY_MIN_LENGTH,
  type CaSettings,
  type SubjectAltNameSettings,
} from "./config-ca";
export { valueSourceSchema } from "./config-values";
export type { ResolvedValue, ValueReference, ValueResolver, ValueSource } from "./config-values";

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
    schemaRegistry: schemaRegistrySchema(resolve).optional(),
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

/** Absolute path of segments resolved one after another from the config file's directory. */
export type PathResolver = (...segments: string[]) => string;

export const DEFAULT_DATA_DIR = ".local/console";
export const SESSION_SECRET_MIN_LENGTH = 32;

const sessionSecretCheck: ContentCheck = (text) =>
  text.length >= SESSION_SECRET_MIN_LENGTH
    ? undefined
    : `is shorter than ${SESSION_SECRET_MIN_LENGTH} characters (generate one with: openssl rand -base64 48)`;

/** The server's own settings, paths absolute. */
export interface ServerSettings {
  /** Where the console keeps its state: the store, the generated session secret. */
  dataDir: string;
  /** The SQLite database; <dataDir>/console.db unless set. */
  storePath: string;
  /** Where the console keeps its state: SQLite at storePath (the default) or a shared PostgreSQL. */
  store: StoreSettings;
  /** Seals session cookies; when absent, the server generates one into <dataDir>/session-secret. */
  sessionSecret: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Cookies carry the Secure attribute; turn off only for plain-http access other than localhost. */
  secureCookies: boolean;
  /** Take the client address from the first X-Forwarded-For hop (behind a reverse proxy only). */
  trustProxy: boolean;
  /** /metrics: public (anyone who reaches the port) or, by default, for any API token or session. */
  metrics: { public: boolean };
}

export function serverSettingsSchema(resolve: ValueResolver, resolvePath: PathResolver) {
  return z
    .strictObject({
      dataDir: z.string().min(1, "must not be empty").default(DEFAULT_DATA_DIR),
      storePath: z.string().min(1, "must not be empty").optional(),
      sessionSecret: resolvedValueSchema(resolve, sessionSecretCheck).optional(),
      sessionIdleMinutes: wholeNumber(1, 7 * 24 * 60).default(30),
      sessionAbsoluteHours: wholeNumber(1, 90 * 24).default(12),
      secureCookies: flag.default(true),
      trustProxy: flag.default(false),
      metrics: z.strictObject({ public: flag.default(false) }).prefault({}),
      store: storeSettingsSchema(resolve).prefault({ kind: "sqlite" }),
    })
    .superRefine(requireSharedSessionSecret, evenIfFieldsAreInvalid)
    .transform(({ dataDir, storePath, sessionSecret, ...settings }): ServerSettings => ({
      ...settings,
      sessionSecret,
      dataDir: resolvePath(dataDir),
      storePath: storePath === undefined ? resolvePath(dataDir, "console.db") : resolvePath(storePath),
    }));
}

// A generated secret lives in one replica's data directory: replicas sharing a PostgreSQL store must
// seal session cookies with the same configured one, or a cookie from one is refused by the next.
function requireSharedSessionSecret(server: unknown, ctx: z.RefinementCtx) {
  if (!isObject(server) || !isObject(server.store) || server.store.kind !== "postgres") return;
  if (server.sessionSecret !== undefined) return;
  ctx.addIssue({
    code: "custom",
    path: ["sessionSecret"],
    message:
      "is needed with a postgres store: every replica must use the same one (generate one with: openssl rand -base64 48)",
  });
}

export const DEFAULT_PREVIEW_BYTES = 1024 * 1024;
/** A search's fetch budget: the most one fetch response may carry (Kafka's max_bytes). */
export const DEFAULT_FETCH_BYTES = 2 * 1024 * 1024;

/** The message inspector. */
export interface MessageSettings {
  /** Keys, values and header values longer than this are cut in search results ("load the full value"). */
  previewBytes: number;
  /** Searches (live tails included) one signed-in user, or one API token, may run at once. */
  maxConcurrentSearches: { perUser: number; perToken: number };
  /** Bytes one fetch of a search may bring back (the partitions take turns for it). */
  fetchBytes: number;
}

export const DEFAULT_MAX_CONCURRENT_SEARCHES = 5;

export const messageSettingsSchema = z.strictObject({
  previewBytes: wholeNumber(1024, 64 * 1024 * 1024).default(DEFAULT_PREVIEW_BYTES),
  // Each search holds its own broker connections for as long as it runs.
  maxConcurrentSearches: z
    .strictObject({
      perUser: wholeNumber(1, 1000).default(DEFAULT_MAX_CONCURRENT_SEARCHES),
      perToken: wholeNumber(1, 1000).default(DEFAULT_MAX_CONCURRENT_SEARCHES),
    })
    .prefault({}),
  // Bounds the record bytes a search holds at once: one response being read, one in flight.
  fetchBytes: wholeNumber(64 * 1024, 64 * 1024 * 1024).default(DEFAULT_FETCH_BYTES),
});

/** The whole file. A new section is one more key here plus its field in ConsoleConfig. */
export function consoleConfigSchema(resolve: ValueResolver, resolvePath: PathResolver) {
  return z
    .strictObject({
      clusters: z
        .array(clusterSchema(resolve))
        .min(1, "configure at least one cluster")
        .superRefine(reportDuplicateNames, { when: ({ value }) => Array.isArray(value) }),
      /** Where the addresses without a cluster (/console/topics, …) lead; absent: the first cluster. */
      defaultCluster: clusterNameSchema.optional(),
      // prefault, not default: an absent section still goes through the defaults and path resolution.
      server: serverSettingsSchema(resolve, resolvePath).prefault({}),
      ca: caSettingsSchema(resolve).prefault({}),
      messages: messageSettingsSchema.prefault({}),
      lagHistory: lagHistorySettingsSchema.prefault({}),
      restProxy: restProxySettingsSchema.prefault({}),
      auth: authConfigSchema(resolve).prefault({}),
    })
    .superRefine(reportUnknownDefaultCluster, evenIfFieldsAreInvalid)
    .superRefine(requireSharedCaKey, evenIfFieldsAreInvalid);
}

// A generated key lives in one replica's data directory: replicas sharing a PostgreSQL store must
// unseal the CA's keys (kept in the store) with the same configured one.
function requireSharedCaKey(config: unknown, ctx: z.RefinementCtx) {
  if (!isObject(config) || !isObject(config.server) || !isObject(config.server.store)) return;
  if (config.server.store.kind !== "postgres") return;
  if (isObject(config.ca) && config.ca.keyEncryptionKey !== undefined) return;
  ctx.addIssue({
    code: "custom",
    path: ["ca", "keyEncryptionKey"],
    message: "is needed with a postgres store: every replica must unseal the CA's keys with the same one",
  });
}

function reportUnknownDefaultCluster(config: unknown, ctx: z.RefinementCtx) {
  if (!isObject(config)) return;
  const { defaultCluster, clusters } = config;
  if (typeof defaultCluster !== "string" || !Array.isArray(clusters)) return;
  const names = clusters.map((cluster) => (isObject(cluster) ? cluster.name : undefined));
  if (names.includes(defaultCluster)) return;
  ctx.addIssue({
    code: "custom",
    path: ["defaultCluster"],
    message: `"${defaultCluster}" is not a configured cluster (${names.filter((name) => typeof name === "string").join(", ")})`,
  });
}

/** The YAML as written: value sources unresolved, mechanisms in lower case. */
export type ConsoleConfigFile = z.input<ReturnType<typeof consoleConfigSchema>>;
/** After validation: secrets and PEM resolved to their contents, mechanisms as the Kafka client spells them. */
export type ParsedConsoleConfig = z.output<ReturnType<typeof consoleConfigSchema>>;
