// DescribeConfigs' answer in the console's terms: sources and types by name, the value a reset
// leads to (the next synonym below the resource's own), and sensitive values dropped.
import {
  isDefaultSource,
  type ConfigEntry,
  type ConfigResource,
  type ConfigSource,
  type ConfigType,
} from "@/lib/schemas/configs";

/** The fields of one DescribeConfigs config the console reads (v1 and later). */
export interface RawConfig {
  name: string;
  value: string | null;
  readOnly: boolean;
  configSource: number;
  isSensitive: boolean;
  synonyms?: { name: string; value: string | null; source: number }[];
  configType?: number;
  documentation?: string | null;
}

const SOURCES: Record<number, ConfigSource> = {
  1: "dynamic-topic",
  2: "dynamic-broker",
  3: "dynamic-default-broker",
  4: "static-broker",
  5: "default",
  6: "dynamic-broker-logger",
  7: "client-metrics",
  8: "group",
};

const TYPES: Record<number, ConfigType> = {
  1: "boolean",
  2: "string",
  3: "int",
  4: "short",
  5: "long",
  6: "double",
  7: "list",
  8: "class",
  9: "password",
};

export const configSourceOf = (code: number): ConfigSource => SOURCES[code] ?? "unknown";
export const configTypeOf = (code: number | undefined): ConfigType =>
  (code !== undefined && TYPES[code]) || "unknown";

export function configEntries(configs: RawConfig[], resource: ConfigResource["type"]): ConfigEntry[] {
  return configs.map((config) => configEntry(config, resource)).sort((a, b) => a.name.localeCompare(b.name));
}

function configEntry(config: RawConfig, resource: ConfigResource["type"]): ConfigEntry {
  const source = configSourceOf(config.configSource);
  const sensitive = config.isSensitive || configTypeOf(config.configType) === "password";
  const value = sensitive ? null : config.value;
  // Synonyms come in precedence order; the first not of the resource's own kind is what stays after a reset.
  const below = (config.synonyms ?? []).find((synonym) =>
    isDefaultSource(configSourceOf(synonym.source), resource),
  );
  const atDefault = isDefaultSource(source, resource);
  return {
    name: config.name,
    value,
    source,
    sensitive,
    readOnly: config.readOnly,
    type: configTypeOf(config.configType),
    documentation: config.documentation?.trim() || null,
    defaultValue: sensitive ? null : atDefault ? value : (below?.value ?? null),
    defaultSource: atDefault ? source : below ? configSourceOf(below.source) : null,
  };
}
