// Byte counts as operators read them (binary units, one decimal), from the decimal strings the server
// sends (sizes may pass 2^53; the display does not need that precision).
const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

export function formatBytes(bytes: string | null): string {
  if (bytes === null) return "—";
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
