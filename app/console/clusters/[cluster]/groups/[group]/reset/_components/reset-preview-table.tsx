import { LagText } from "@/components/groups/group-labels";
import { formatCount } from "@/components/topics/topic-links";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { ResetRow } from "@/lib/schemas/group-reset";

const offset = (value: string | null) =>
  value === null ? <span className="text-zinc-500">none</span> : formatCount(value);

/** A reset's preview per partition: committed now, new, lag before → after, and where it was clamped. */
export function ResetPreviewTable({ rows, labelledBy }: { rows: ResetRow[]; labelledBy: string }) {
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHead>
        <tr>
          <TableHeaderCell>Topic</TableHeaderCell>
          <TableHeaderCell className="text-right">Partition</TableHeaderCell>
          <TableHeaderCell className="text-right">Current</TableHeaderCell>
          <TableHeaderCell className="text-right">New</TableHeaderCell>
          <TableHeaderCell className="text-right">Log start … end</TableHeaderCell>
          <TableHeaderCell className="text-right">Lag before → after</TableHeaderCell>
          <TableHeaderCell>Note</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <tr key={`${row.topic}\u0000${row.partition}`}>
            <TableCell className="font-mono text-xs">{row.topic}</TableCell>
            <TableCell className="text-right tabular-nums">{row.partition}</TableCell>
            <TableCell className="text-right tabular-nums">{offset(row.currentOffset)}</TableCell>
            <TableCell className="text-right font-semibold tabular-nums">
              {formatCount(row.newOffset)}
            </TableCell>
            <TableCell className="text-right text-xs text-zinc-500 tabular-nums">
              {formatCount(row.logStartOffset)} … {formatCount(row.logEndOffset)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <LagText lag={row.lagBefore} unknown="Nothing committed yet" /> → <LagText lag={row.lagAfter} />
            </TableCell>
            <TableCell className="text-xs">
              {row.clamped && <Badge tone="warning">clamped</Badge>} {row.note}
            </TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
