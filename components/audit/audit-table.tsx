import type { Tone } from "@/components/ui/badge";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { UtcTime } from "@/components/admin/utc-time";
import type { AuditEventRow } from "./audit-event-row";

const outcomeTone: Record<AuditEventRow["outcome"], Tone> = {
  success: "success",
  failure: "warning",
  denied: "danger",
};

function Missing() {
  return <span className="text-zinc-400 dark:text-zinc-500">—</span>;
}

/** Every value is text chosen by someone, possibly an attacker at the sign-in form: React escapes it. */
function Details({ details }: { details: AuditEventRow["details"] }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <Missing />;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{key}</dt>
          <dd className="break-all">{value === null ? "null" : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditTable({ events, titleId }: { events: AuditEventRow[]; titleId: string }) {
  return (
    <Table aria-labelledby={titleId}>
      <TableHead>
        <tr>
          <TableHeaderCell>Time</TableHeaderCell>
          <TableHeaderCell>Actor</TableHeaderCell>
          <TableHeaderCell>Action</TableHeaderCell>
          <TableHeaderCell>Target</TableHeaderCell>
          <TableHeaderCell>Outcome</TableHeaderCell>
          <TableHeaderCell>Client address</TableHeaderCell>
          <TableHeaderCell>Request ID</TableHeaderCell>
          <TableHeaderCell>Details</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {events.map((event) => (
          <tr key={event.id}>
            <TableCell>
              <UtcTime iso={event.at} seconds />
            </TableCell>
            <TableCell className="font-medium break-all">{event.actor}</TableCell>
            <TableCell className="font-mono text-xs whitespace-nowrap">{event.action}</TableCell>
            <TableCell className="break-all">{event.target ?? <Missing />}</TableCell>
            <TableCell>
              <Badge tone={outcomeTone[event.outcome]}>{event.outcome}</Badge>
            </TableCell>
            <TableCell className="font-mono text-xs">{event.clientAddress ?? <Missing />}</TableCell>
            <TableCell className="font-mono text-xs break-all">{event.requestId ?? <Missing />}</TableCell>
            <TableCell>
              <Details details={event.details} />
            </TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
