// Sizes and retention as the topic list and the topic page show them; inputs are Kafka's decimal strings.

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

/** "1.5 MiB" for a decimal byte count of any size; "—" for null. */
export function formatSize(decimal: string | null): string {
  if (decimal === null || !/^\d+$/.test(decimal)) return "—";
  let size = Number(BigInt(decimal));
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${size} B` : `${size.toFixed(size < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

const SPANS: [number, string][] = [
  [86_400_000, "d"],
  [3_600_000, "h"],
  [60_000, "min"],
  [1000, "s"],
];

/** retention.ms as "7 d", "12 h", "90 s"; "-1" is "forever". */
export function formatRetentionMs(ms: string | null): string {
  if (ms === null) return "—";
  if (ms.trim() === "-1") return "forever";
  const value = Number(ms);
  if (!Number.isFinite(value) || value < 0) return ms;
  for (const [span, unit] of SPANS) {
    if (value >= span && value % span === 0) return `${value / span} ${unit}`;
  }
  for (const [span, unit] of SPANS) {
    if (value >= span) return `${(value / span).toFixed(1)} ${unit}`;
  }
  return `${value} ms`;
}

/** retention.ms and retention.bytes in one cell: "7 d", "7 d or 1.0 GiB" (whichever comes first), "1.0 GiB". */
export function formatRetention(ms: string | null, bytes: string | null): string {
  const time = formatRetentionMs(ms);
  if (bytes === null || bytes.trim() === "-1") return time;
  return ms?.trim() === "-1" ? formatSize(bytes) : `${time} or ${formatSize(bytes)}`;
}
