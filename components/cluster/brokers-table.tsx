import Link from "next/link";
import { useId } from "react";
import type { BrokerSummary } from "@/lib/schemas/cluster";
import { brokersPath, quorumPath } from "@/lib/paths";
import { BrokerIdentityCells } from "@/components/brokers/broker-identity-cells";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

const linkClass = "text-sky-700 hover:underline dark:text-sky-400";

/** Each broker links to its page; the header to the brokers page and the KRaft quorum. */
export function BrokersTable({ brokers, cluster }: { brokers: BrokerSummary[]; cluster: string }) {
  const titleId = useId();
  const sorted = [...brokers].sort((a, b) => a.nodeId - b.nodeId);
  return (
    <Card>
      <CardHeader
        title="Brokers"
        titleId={titleId}
        description={`${brokers.length} ${brokers.length === 1 ? "broker" : "brokers"} in the cluster`}
        actions={
          <>
            <Link href={brokersPath(cluster)} className={linkClass}>
              All brokers
            </Link>
            <Link href={quorumPath(cluster)} className={linkClass}>
              Quorum and features
            </Link>
          </>
        }
      />
      <Table aria-labelledby={titleId}>
        <TableHead>
          <tr>
            <TableHeaderCell>Node ID</TableHeaderCell>
            <TableHeaderCell>Address</TableHeaderCell>
            <TableHeaderCell>Rack</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {sorted.map((broker) => (
            <tr key={broker.nodeId}>
              <BrokerIdentityCells broker={broker} cluster={cluster} />
            </tr>
          ))}
          {sorted.length === 0 && (
            <tr>
              <TableCell colSpan={4} className="text-zinc-600 dark:text-zinc-400">
                The cluster reported no brokers.
              </TableCell>
            </tr>
          )}
        </TableBody>
      </Table>
    </Card>
  );
}
