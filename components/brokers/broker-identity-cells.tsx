import Link from "next/link";
import type { BrokerSummary } from "@/lib/schemas/cluster";
import { brokerPath } from "@/lib/paths";
import { Badge } from "@/components/ui/badge";
import { TableCell } from "@/components/ui/table";

/** "host:port", with brackets around an IPv6 literal to keep the port readable. */
export function brokerAddress({ host, port }: { host: string; port: number }): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** A broker row's first four cells: its node id linking to its page, address, rack and role. */
export function BrokerIdentityCells({ broker, cluster }: { broker: BrokerSummary; cluster: string }) {
  return (
    <>
      <TableCell className="font-medium tabular-nums">
        <Link
          href={brokerPath(cluster, broker.nodeId)}
          className="text-sky-700 hover:underline dark:text-sky-400"
          aria-label={`Broker ${broker.nodeId}`}
        >
          {broker.nodeId}
        </Link>
      </TableCell>
      <TableCell className="font-mono text-xs">{brokerAddress(broker)}</TableCell>
      <TableCell>{broker.rack ?? "—"}</TableCell>
      <TableCell>{broker.isController ? <Badge tone="info">Controller</Badge> : "Broker"}</TableCell>
    </>
  );
}
