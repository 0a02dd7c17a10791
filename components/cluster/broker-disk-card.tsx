import { useId } from "react";
import type { BrokerDisk, OverviewDisk } from "@/lib/schemas/overview";
import { formatBytes } from "@/components/brokers/format-bytes";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

function share(disk: BrokerDisk): number | null {
  if (disk.totalBytes === null || disk.usableBytes === null || Number(disk.totalBytes) === 0) return null;
  return 1 - Number(disk.usableBytes) / Number(disk.totalBytes);
}

/** Bytes each broker's replicas take, and how full its log directories' disks are (Kafka 3.3+). */
export function BrokerDiskCard({ disk }: { disk: OverviewDisk }) {
  const titleId = useId();
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader
        title="Disk per broker"
        titleId={titleId}
        description="From DescribeLogDirs: replicas' bytes and the disks' space."
      />
      {!disk.ok ? (
        <p className="px-5 py-4 text-sm text-zinc-600 dark:text-zinc-400">Unavailable: {disk.unavailable}</p>
      ) : (
        <Table aria-labelledby={titleId}>
          <TableHead>
            <tr>
              <TableHeaderCell>Broker</TableHeaderCell>
              <TableHeaderCell className="text-right">Replicas&apos; bytes</TableHeaderCell>
              <TableHeaderCell className="text-right">Disk free</TableHeaderCell>
              <TableHeaderCell className="text-right">Disk used</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {disk.brokers.map((broker) => {
              const used = share(broker);
              return (
                <tr key={broker.broker}>
                  <TableCell>Node {broker.broker}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {broker.error ? (
                      <span title={broker.error}>unavailable</span>
                    ) : (
                      formatBytes(broker.usedBytes)
                    )}
                    {broker.offlineDirs > 0 && (
                      <>
                        {" "}
                        <Badge tone="danger">{broker.offlineDirs} offline</Badge>
                      </>
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {broker.usableBytes === null
                      ? "—"
                      : `${formatBytes(broker.usableBytes)} of ${formatBytes(broker.totalBytes)}`}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {used === null ? "—" : `${Math.round(used * 100)}%`}
                  </TableCell>
                </tr>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
