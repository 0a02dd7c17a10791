/** "2025-01-31 14:30" (or with ":05" seconds) in UTC; the input as given when it is not a date. */
export function formatUtc(iso: string, { seconds = false } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date
    .toISOString()
    .slice(0, seconds ? 19 : 16)
    .replace("T", " ");
}

interface UtcTimeProps {
  iso: string | null;
  /** Stands in for a missing time: "Never", "No expiry". */
  fallback?: string;
  /** Date above time, for narrow table columns. */
  stacked?: boolean;
}

/**
 * A date and time in UTC: the same on server and browser, and the zone the audit filters use. The
 * full timestamp is the tooltip and the machine-readable value.
 */
export function UtcTime({ iso, fallback = "—", stacked = false }: UtcTimeProps) {
  if (iso === null) return <span className="text-zinc-500 dark:text-zinc-400">{fallback}</span>;
  const [day, time] = formatUtc(iso).split(" ");
  if (time === undefined) return <>{iso}</>;
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {day}
      {stacked ? <br /> : " "}
      {time} <span className="text-zinc-500 dark:text-zinc-400">UTC</span>
    </time>
  );
}
