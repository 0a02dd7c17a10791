// Topic and broker configurations as the console shows and changes them: one entry per config with
// its value, where the value comes from and its type, and the checks a new value passes before Kafka
// sees it. Shared by the server (lib/server/kafka/configs.ts), the server actions, REST and the editor.
import { z } from "zod";

/** Where a value comes from, as DescribeConfigs names it (ConfigSource), in the console's words. */
export const CONFIG_SOURCES = [
  "dynamic-topic",
  "dynamic-broker",
  "dynamic-default-broker",
  "static-broker",
  "default",
  "dynamic-broker-logger",
  "client-metrics",
  "group",
  "unknown",
] as const;
export type ConfigSource = (typeof CONFIG_SOURCES)[number];

export const CONFIG_SOURCE_LABELS: Record<ConfigSource, string> = {
  "dynamic-topic": "dynamic topic",
  "dynamic-broker": "dynamic broker",
  "dynamic-default-broker": "dynamic cluster default",
  "static-broker": "static broker (server.properties)",
  default: "default",
  "dynamic-broker-logger": "broker logger",
  "client-metrics": "client metrics",
  group: "group",
  unknown: "unknown",
};

export const CONFIG_TYPES = [
  "boolean",
  "string",
  "int",
  "short",
  "long",
  "double",
  "list",
  "class",
  "password",
  "unknown",
] as const;
export type ConfigType = (typeof CONFIG_TYPES)[number];

/** One config of a topic or broker. A sensitive value is never sent: `value` is null. */
export interface ConfigEntry {
  name: string;
  value: string | null;
  source: ConfigSource;
  sensitive: boolean;
  readOnly: boolean;
  type: ConfigType;
  /** Null when the broker sends none (before Kafka 2.6, DescribeConfigs v3). */
  documentation: string | null;
  /** What the value becomes after a reset: the next synonym's value; null when unknown or sensitive. */
  defaultValue: string | null;
  /** Where a reset leads; null when the broker listed no other synonym. */
  defaultSource: ConfigSource | null;
}

/** Whose configs: a topic, one broker by node id, or the cluster-wide broker default. */
export type ConfigResource =
  { type: "topic"; name: string } | { type: "broker"; id: number } | { type: "broker-default" };

export function configResourceLabel(resource: ConfigResource): string {
  if (resource.type === "topic") return `topic ${resource.name}`;
  if (resource.type === "broker") return `broker ${resource.id}`;
  return "the cluster-wide broker default";
}

/** A config name as Kafka spells them: lower case words with dots, dashes and underscores. */
export const configNameSchema = z
  .string()
  .trim()
  .min(1, "A config name is required.")
  .max(255, "A config name has at most 255 characters.")
  .regex(/^[a-zA-Z0-9._-]+$/, "A config name has only letters, digits, '.', '_' and '-'.");

/** A value as sent to Kafka: text, bounded. */
export const configValueSchema = z.string().max(65_536, "A config value has at most 64 KiB.");

const MAX_CHANGES = 200;

/** An incremental change: `set` values (SET), `reset` names (DELETE, back to the default). */
export const alterConfigsSchema = z
  .object({
    set: z
      .record(configNameSchema, configValueSchema)
      .default({})
      .refine((set) => Object.keys(set).length <= MAX_CHANGES, `At most ${MAX_CHANGES} changes at once.`),
    reset: z.array(configNameSchema).max(MAX_CHANGES).default([]),
    validateOnly: z.boolean().default(false),
  })
  .refine((body) => Object.keys(body.set).length + body.reset.length > 0, {
    message: "Nothing to change: give `set` or `reset`.",
    path: ["set"],
  })
  .refine((body) => !body.reset.some((name) => Object.hasOwn(body.set, name)), {
    message: "A config is either set or reset, not both.",
    path: ["reset"],
  });
export type AlterConfigsInput = z.input<typeof alterConfigsSchema>;
export type AlterConfigsRequest = z.output<typeof alterConfigsSchema>;

/** One config's change as applied (or checked): old → new. Sensitive values are never shown. */
export interface ConfigChange {
  name: string;
  operation: "set" | "reset";
  before: string | null;
  after: string | null;
  sensitive: boolean;
}

export interface ConfigsAltered {
  resource: ConfigResource;
  validateOnly: boolean;
  changes: ConfigChange[];
}

const INT_RANGES: Partial<Record<ConfigType, [bigint, bigint]>> = {
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

/**
 * Whether a value fits the config's type, as the broker's ConfigDef would parse it; the message
 * when not. Ranges and enumerations beyond the type are left to Kafka (INVALID_CONFIG).
 */
export function checkConfigValue(type: ConfigType, value: string): string | null {
  const trimmed = value.trim();
  const range = INT_RANGES[type];
  if (range) {
    if (!/^[-+]?\d+$/.test(trimmed)) return `A whole number is expected (${type}).`;
    const number = BigInt(trimmed);
    if (number < range[0] || number > range[1])
      return `Out of range for ${type}: ${range[0]} to ${range[1]}.`;
    return null;
  }
  if (type === "boolean")
    return /^(true|false)$/i.test(trimmed) ? null : "true or false is expected (boolean).";
  if (type === "double")
    return trimmed !== "" && Number.isFinite(Number(trimmed)) ? null : "A number is expected (double).";
  if (type === "class") return /^[\w.$]*$/.test(trimmed) ? null : "A Java class name is expected.";
  return null;
}

/**
 * The changes an edit makes against the configs read: a set whose value equals the current one is
 * no change, a reset of a config already at its default neither. Unknown names are kept (Kafka
 * decides), read-only ones too (Kafka refuses them with its own code).
 */
export function planConfigChanges(
  current: readonly ConfigEntry[],
  request: { set: Record<string, string>; reset: readonly string[] },
  resourceType: ConfigResource["type"] = "topic",
): ConfigChange[] {
  const byName = new Map(current.map((entry) => [entry.name, entry]));
  const changes: ConfigChange[] = [];
  for (const [name, after] of Object.entries(request.set)) {
    const entry = byName.get(name);
    const sensitive = entry?.sensitive ?? false;
    if (entry && !sensitive && entry.value === after) continue;
    changes.push({
      name,
      operation: "set",
      before: sensitive ? null : (entry?.value ?? null),
      after: sensitive ? null : after,
      sensitive,
    });
  }
  for (const name of request.reset) {
    const entry = byName.get(name);
    if (entry && isDefaultSource(entry.source, resourceType)) continue;
    const sensitive = entry?.sensitive ?? false;
    changes.push({
      name,
      operation: "reset",
      before: sensitive ? null : (entry?.value ?? null),
      after: sensitive ? null : (entry?.defaultValue ?? null),
      sensitive,
    });
  }
  return changes.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A value that is not the resource's own: for a topic everything but a dynamic topic config, for a
 * broker the static file and Kafka's defaults, for the cluster default Kafka's defaults.
 */
export function isDefaultSource(source: ConfigSource, resource: ConfigResource["type"] = "topic"): boolean {
  if (resource === "topic") return source !== "dynamic-topic";
  if (resource === "broker") return source !== "dynamic-broker";
  return source !== "dynamic-default-broker";
}

/** How a value reads in a preview or the audit: "(sensitive)", "(none)" or the value. */
export function shownValue(value: string | null, sensitive: boolean): string {
  if (sensitive) return "(sensitive)";
  return value === null ? "(none)" : value;
}
