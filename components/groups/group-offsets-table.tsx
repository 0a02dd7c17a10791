import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { formatCount } from "@/components/topics/topic-links";
import { LagText, TimeLagText } from "./group-labels";

export interface GroupPartitionRow {
  topic: string;
  partition: number;
  committedOffset: string | null;
  logEndOffset: string | null;
  lag: string | null;
  leaderEpoch: number | null;
  metadata: string | null;
  assignedTo?: string;
  /** How old the next record to consume is, ms; null when caught up or unreadable, absent when not read. */
  timeLagMs?: number | null;
}

const offset = (value: string | null, missing: string) =>
  value === null ? <span className="text-zinc-500">{missing}</span> : formatCount(value);

/**
 * Per topic and partition: committed offset, log end offset, lag, time lag, who holds it and the
 * commit's metadata. A share group's rows hold its start offsets and the broker's lag instead.
 */
export function GroupOffsetsTable({
  partitions,
  labelledBy,
  share = false,
}: {
  partitions: GroupPartitionRow[];
  labelledBy: string;
  share?: boolean;
}) {
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHead>
        <tr>
          <TableHeaderCell>Topic</TableHeaderCell>
          <TableHeaderCell className="text-right">Partition</TableHeaderCell>
          <TableHeaderCell className="text-right">{share ? "Start offset" : "Committed"}</TableHeaderCell>
          <TableHeaderCell className="text-right">Log end</TableHeaderCell>
          <TableHeaderCell className="text-right">Lag</TableHeaderCell>
          <TableHeaderCell className="text-right">Time lag</TableHeaderCell>
          <TableHeaderCell>Member</TableHeaderCell>
          <TableHeaderCell>Commit metadata</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {partitions.map((row) => (
          <tr key={`${row.topic}\u0000${row.partition}`}>
            <TableCell className="font-mono text-xs">{row.topic}</TableCell>
            <TableCell className="text-right tabular-nums">{row.partition}</TableCell>
            <TableCell className="text-right tabular-nums">
              {offset(row.committedOffset, share ? "not initialized" : "none")}
            </TableCell>
            <TableCell className="text-right tabular-nums">{offset(row.logEndOffset, "unknown")}</TableCell>
            <TableCell className="text-right tabular-nums">
              <LagText lag={row.lag} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <TimeLagText ms={row.timeLagMs ?? null} />
            </TableCell>
            <TableCell className="font-mono text-xs">
              {row.assignedTo ?? <span className="text-zinc-500">–</span>}
            </TableCell>
            <TableCell className="max-w-xs truncate font-mono text-xs" title={row.metadata ?? undefined}>
              {row.metadata ?? <span className="text-zinc-500">–</span>}
            </TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
