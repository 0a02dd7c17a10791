import { formatUtc } from "@/components/ui/utc-time";
import type { AuditEventRow } from "./audit-event-row";

const timeOfDay = (iso: string) => formatUtc(iso, { seconds: true }).slice(11);

/**
 * How many events a row stands for. A summary of repeated refusals reads "999 more" with the period
 * it covers; the row for the first of them, just below it in the trail, counts 1.
 */
export function AuditCount({ event }: { event: Pick<AuditEventRow, "count" | "firstAt" | "lastAt"> }) {
  if (event.firstAt === null || event.lastAt === null)
    return <span className="text-zinc-500 tabular-nums dark:text-zinc-400">{event.count}</span>;
  const period = `${formatUtc(event.firstAt, { seconds: true })} to ${formatUtc(event.lastAt, { seconds: true })} UTC`;
  return (
    <span title={period} className="block tabular-nums">
      <span className="font-semibold">{event.count.toLocaleString("en")} more</span>
      <br />
      <span className="text-xs text-zinc-500 dark:text-zinc-400">
        {timeOfDay(event.firstAt)}–{timeOfDay(event.lastAt)}
      </span>
    </span>
  );
}
