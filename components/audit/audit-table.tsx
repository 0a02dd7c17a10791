import type { Tone } from "@/components/ui/badge";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { TableBody, TableHead } from "@/components/ui/table";
import { DenseCell, DenseHeaderCell } from "@/components/ui/dense-cells";
import { formatUtc } from "@/components/ui/utc-time";
import { AuditCount } from "./audit-count";
import type { AuditEventRow } from "./audit-event-row";

const outcomeTone: Record<AuditEventRow["outcome"], Tone> = {
  success: "success",
  failure: "warning",
  denied: "danger",
};

/**
 * Long values (token actors, request ids) are cut visually only: the whole text stays in the page
 * for copying, searching and screen readers, and shows as a tooltip.
 */
function Clipped({ text, width, mono = false }: { text: string | null; width: string; mono?: boolean }) {
  if (text === null) return <Missing />;
  return (
    <span title={text} className={cn("block truncate", width, mono && "font-mono text-xs")}>
      {text}
    </span>
  );
}

// Date above time: the column stays narrow and a day's events line up.
const day = (iso: string) => formatUtc(iso, { seconds: true }).slice(0, 10);
const timeOfDay = (iso: string) => formatUtc(iso, { seconds: true }).slice(11);

function Missing() {
  return <span className="text-zinc-400 dark:text-zinc-500">—</span>;
}

/** Every value may come from an attacker (a user name typed at the sign-in form): text only. */
function Details({ details }: { details: AuditEventRow["details"] }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <Missing />;
  return (
    <dl className="grid w-52 grid-cols-[auto_1fr] gap-x-2 text-xs whitespace-normal">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{key}</dt>
          <dd className="break-words">{value === null ? "null" : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditTable({ events, titleId }: { events: AuditEventRow[]; titleId: string }) {
  return (
    <div className="overflow-x-auto">
      <table aria-labelledby={titleId} className="w-full border-collapse text-left text-sm">
        <TableHead>
          <tr>
            <DenseHeaderCell>Time (UTC)</DenseHeaderCell>
            <DenseHeaderCell>Actor</DenseHeaderCell>
            <DenseHeaderCell>Action</DenseHeaderCell>
            <DenseHeaderCell>Target</DenseHeaderCell>
            <DenseHeaderCell>Outcome</DenseHeaderCell>
            <DenseHeaderCell>Count</DenseHeaderCell>
            <DenseHeaderCell>Client address</DenseHeaderCell>
            <DenseHeaderCell>Request ID</DenseHeaderCell>
            <DenseHeaderCell>Details</DenseHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {events.map((event) => (
            <tr key={event.id}>
              <DenseCell className="align-baseline whitespace-nowrap tabular-nums">
                <time dateTime={event.at} title={event.at}>
                  {day(event.at)}
                  <br />
                  {timeOfDay(event.at)}
                </time>
              </DenseCell>
              <DenseCell className="align-baseline font-medium whitespace-nowrap">
                <Clipped text={event.actor} width="max-w-36" />
              </DenseCell>
              <DenseCell className="align-baseline font-mono text-xs whitespace-nowrap">
                {event.action}
              </DenseCell>
              <DenseCell className="align-baseline whitespace-nowrap">
                <Clipped text={event.target} width="max-w-36" />
              </DenseCell>
              <DenseCell className="align-baseline whitespace-nowrap">
                <Badge tone={outcomeTone[event.outcome]}>{event.outcome}</Badge>
              </DenseCell>
              <DenseCell className="align-baseline whitespace-nowrap">
                <AuditCount event={event} />
              </DenseCell>
              <DenseCell className="align-baseline font-mono text-xs whitespace-nowrap">
                {event.clientAddress ?? <Missing />}
              </DenseCell>
              <DenseCell className="align-baseline whitespace-nowrap">
                <Clipped text={event.requestId} width="max-w-20" mono />
              </DenseCell>
              <DenseCell className="align-baseline whitespace-nowrap">
                <Details details={event.details} />
              </DenseCell>
            </tr>
          ))}
        </TableBody>
      </table>
    </div>
  );
}
