import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { formatCount } from "./topic-links";
import { formatSize } from "./topic-figures";

export interface BrokerSizeRow {
  broker: number;
  bytes: string;
  replicas: number;
  error: string | null;
}

/** The topic's bytes on each broker (its replicas there), or why a broker did not say. */
export function TopicBrokerSizes({ brokers, labelledBy }: { brokers: BrokerSizeRow[]; labelledBy: string }) {
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHead>
        <tr>
          <TableHeaderCell className="text-right">Broker</TableHeaderCell>
          <TableHeaderCell className="text-right">Replicas</TableHeaderCell>
          <TableHeaderCell className="text-right">Size</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {brokers.map((row) => (
          <tr key={row.broker}>
            <TableCell className="text-right tabular-nums">{row.broker}</TableCell>
            <TableCell className="text-right tabular-nums">{row.replicas}</TableCell>
            <TableCell className="text-right tabular-nums">
              {row.error ? (
                <span className="text-red-700 dark:text-red-400">{row.error}</span>
              ) : (
                <span title={`${formatCount(row.bytes)} bytes`}>{formatSize(row.bytes)}</span>
              )}
            </TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
