// The cluster-wide default's editable list. DescribeConfigs of the default (resource name "") lists
// only what is set there, so a default could never be set for the first time from it. The list is the
// broker's dynamically updatable configs instead: set at the default, its value there; otherwise what
// the broker falls back to without one (its server.properties or Kafka's default), to set from.
import type { ConfigEntry } from "@/lib/schemas/configs";

export function defaultConfigEntries(
  brokerEntries: readonly ConfigEntry[],
  defaultEntries: readonly ConfigEntry[],
): ConfigEntry[] {
  const setAtDefault = new Map(defaultEntries.map((entry) => [entry.name, entry]));
  const merged = brokerEntries
    .filter((entry) => !entry.readOnly || setAtDefault.has(entry.name))
    .map((entry): ConfigEntry => {
      const atDefault = setAtDefault.get(entry.name);
      if (atDefault) return { ...entry, ...atDefault, readOnly: false, documentation: entry.documentation };
      if (entry.source !== "dynamic-broker" && entry.source !== "dynamic-default-broker") return entry;
      // The broker's own value would hide what it falls back to; that is the next synonym.
      return { ...entry, value: entry.defaultValue, source: entry.defaultSource ?? "default" };
    });
  // A default set for a config this broker does not list (another broker's, a newer release's).
  const listed = new Set(merged.map((entry) => entry.name));
  for (const entry of defaultEntries) if (!listed.has(entry.name)) merged.push(entry);
  return merged.sort((a, b) => a.name.localeCompare(b.name));
}
