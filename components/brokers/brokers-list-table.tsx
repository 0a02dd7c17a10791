import { useId } from "react";
import type { BrokerList } from "@/lib/schemas/brokers";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { BrokerIdentityCells } from "./broker-identity-cells";
import { formatBytes } from "./format-bytes";

/** Every broker with its address, rack, controller badge, partition counts and log dir total. */
export function BrokersListTable({ list }: { list: BrokerList }) {
  const titleId = useId();
  const { brokers, cluster } = list;
  return (
    <Card>
      <CardHeader
        title="Brokers"
        titleId={titleId}
        description={
          list.logDirsUnavailable
            ? `Log dir sizes unavailable: ${list.logDirsUnavailable}`
            : "Partitions led and replicated per broker, and the size of its log dirs."
        }
      />
      <Table aria-labelledby={titleId}>
        <TableHead>
          <tr>
            <TableHeaderCell>Node ID</TableHeaderCell>
            <TableHeaderCell>Address</TableHeaderCell>
            <TableHeaderCell>Rack</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell className="text-right">Leader partitions</TableHeaderCell>
            <TableHeaderCell className="text-right">Replicas</TableHeaderCell>
            <TableHeaderCell className="text-right">Log dir size</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {brokers.map((broker) => (
            <tr key={broker.nodeId}>
              <BrokerIdentityCells broker={broker} cluster={cluster} />
              <TableCell className="text-right tabular-nums">{broker.leaderPartitions}</TableCell>
              <TableCell className="text-right tabular-nums">{broker.replicaPartitions}</TableCell>
              <TableCell className="text-right tabular-nums">
                {formatBytes(broker.logDirBytes)}
                {broker.offlineLogDirs > 0 && (
                  <>
                    {" "}
                    <Badge tone="danger">{broker.offlineLogDirs} offline</Badge>
                  </>
                )}
              </TableCell>
            </tr>
          ))}
          {brokers.length === 0 && (
            <tr>
              <TableCell colSpan={7} className="text-zinc-600 dark:text-zinc-400">
                The cluster reported no brokers.
              </TableCell>
            </tr>
          )}
        </TableBody>
      </Table>
    </Card>
  );
}
