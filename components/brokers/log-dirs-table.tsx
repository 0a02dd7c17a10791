import type { BrokerLogDirs } from "@/lib/schemas/brokers";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { formatBytes } from "./format-bytes";
import { UnavailablePart } from "./unavailable-part";

/** A broker's log directories: size of its replicas, space where reported, offline ones as such. */
export function LogDirsTable({ logDirs }: { logDirs: BrokerLogDirs }) {
  return (
    <Card aria-labelledby="log-dirs-title">
      <CardHeader
        titleId="log-dirs-title"
        title="Log dirs"
        description="As the broker reports them (DescribeLogDirs); total and free space from Kafka 3.3 on."
      />
      {!logDirs.ok ? (
        <UnavailablePart what="Log dirs" reason={logDirs.reason} />
      ) : (
        <Table aria-labelledby="log-dirs-title">
          <TableHead>
            <tr>
              <TableHeaderCell>Path</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
              <TableHeaderCell className="text-right">Partitions</TableHeaderCell>
              <TableHeaderCell className="text-right">Size</TableHeaderCell>
              <TableHeaderCell className="text-right">Total space</TableHeaderCell>
              <TableHeaderCell className="text-right">Free space</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {logDirs.dirs.map((dir) => (
              <tr key={dir.path}>
                <TableCell className="font-mono text-xs break-all">{dir.path}</TableCell>
                <TableCell>
                  {dir.error ? (
                    <Badge tone="danger">Offline ({dir.error})</Badge>
                  ) : (
                    <Badge tone="success">Online</Badge>
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">{dir.error ? "—" : dir.partitions}</TableCell>
                <TableCell className="text-right tabular-nums">{formatBytes(dir.sizeBytes)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatBytes(dir.totalBytes)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatBytes(dir.usableBytes)}</TableCell>
              </tr>
            ))}
            {logDirs.dirs.length === 0 && (
              <tr>
                <TableCell colSpan={6} className="text-zinc-600 dark:text-zinc-400">
                  The broker reported no log directories.
                </TableCell>
              </tr>
            )}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
