import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { formatCount } from "./topic-links";
import { formatSize } from "./topic-figures";

export interface PartitionRow {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  low: string | null;
  high: string | null;
}

export interface PartitionSizeRow {
  partition: number;
  leaderBytes: string | null;
  replicaBytes: string;
}

const messagesOf = ({ low, high }: PartitionRow) =>
  low === null || high === null ? null : (BigInt(high) - BigInt(low)).toString();

/** Leader, replicas, in-sync replicas, watermarks and (when given) sizes on disk of each partition. */
export function PartitionsTable({
  partitions,
  labelledBy,
  sizes,
}: {
  partitions: PartitionRow[];
  labelledBy: string;
  sizes?: PartitionSizeRow[];
}) {
  const sizeOf = new Map(sizes?.map((row) => [row.partition, row]));
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHead>
        <tr>
          <TableHeaderCell className="text-right">Partition</TableHeaderCell>
          <TableHeaderCell className="text-right">Leader</TableHeaderCell>
          <TableHeaderCell>Replicas</TableHeaderCell>
          <TableHeaderCell>In sync</TableHeaderCell>
          <TableHeaderCell className="text-right">Low</TableHeaderCell>
          <TableHeaderCell className="text-right">High</TableHeaderCell>
          <TableHeaderCell className="text-right">Messages ≈</TableHeaderCell>
          {sizes && (
            <>
              <TableHeaderCell className="text-right">
                <abbr title="The leader's replica on disk" className="no-underline">
                  Size
                </abbr>
              </TableHeaderCell>
              <TableHeaderCell className="text-right">
                <abbr title="All replicas on disk together" className="no-underline">
                  All replicas
                </abbr>
              </TableHeaderCell>
            </>
          )}
        </tr>
      </TableHead>
      <TableBody>
        {partitions.map((row) => {
          const messages = messagesOf(row);
          const underReplicated = row.isr.length < row.replicas.length;
          return (
            <tr key={row.partition}>
              <TableCell className="text-right tabular-nums">{row.partition}</TableCell>
              <TableCell className="text-right tabular-nums">
                {row.leader < 0 ? <span className="text-red-700 dark:text-red-400">none</span> : row.leader}
              </TableCell>
              <TableCell className="tabular-nums">{row.replicas.join(", ")}</TableCell>
              <TableCell
                className={
                  underReplicated ? "text-amber-700 tabular-nums dark:text-amber-400" : "tabular-nums"
                }
              >
                {row.isr.join(", ")}
                {underReplicated && <span className="sr-only"> (under-replicated)</span>}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {row.low === null ? "—" : formatCount(row.low)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {row.high === null ? "—" : formatCount(row.high)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {messages === null ? "—" : formatCount(messages)}
              </TableCell>
              {sizes && (
                <>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">
                    {formatSize(sizeOf.get(row.partition)?.leaderBytes ?? null)}
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">
                    {formatSize(sizeOf.get(row.partition)?.replicaBytes ?? null)}
                  </TableCell>
                </>
              )}
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
