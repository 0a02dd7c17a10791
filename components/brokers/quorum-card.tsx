import type { QuorumAndFeatures, QuorumReplica } from "@/lib/schemas/brokers";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { UnavailablePart } from "./unavailable-part";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function ReplicasTable({ replicas, label }: { replicas: QuorumReplica[]; label: string }) {
  return (
    <Table aria-label={label}>
      <TableHead>
        <tr>
          <TableHeaderCell>Node ID</TableHeaderCell>
          <TableHeaderCell>Role</TableHeaderCell>
          <TableHeaderCell className="text-right">Log end offset</TableHeaderCell>
          <TableHeaderCell className="text-right">Lag</TableHeaderCell>
          <TableHeaderCell>Last fetch</TableHeaderCell>
          <TableHeaderCell>Last caught up</TableHeaderCell>
          <TableHeaderCell>Endpoints</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {replicas.map((replica) => (
          <tr key={`${replica.nodeId}-${replica.directoryId ?? ""}`}>
            <TableCell className="font-medium tabular-nums">{replica.nodeId}</TableCell>
            <TableCell>{replica.isLeader ? <Badge tone="info">Leader</Badge> : "Follower"}</TableCell>
            <TableCell className="text-right font-mono tabular-nums">{replica.logEndOffset ?? "—"}</TableCell>
            <TableCell className="text-right font-mono tabular-nums">{replica.lag ?? "—"}</TableCell>
            <TableCell>
              <UtcTime iso={iso(replica.lastFetchTimestamp)} />
            </TableCell>
            <TableCell>
              <UtcTime iso={iso(replica.lastCaughtUpTimestamp)} />
            </TableCell>
            <TableCell className="font-mono text-xs">
              {replica.endpoints.length
                ? replica.endpoints.map((e) => `${e.listener}://${e.host}:${e.port}`).join(", ")
                : "—"}
            </TableCell>
          </tr>
        ))}
        {replicas.length === 0 && (
          <tr>
            <TableCell colSpan={7} className="text-zinc-600 dark:text-zinc-400">
              None.
            </TableCell>
          </tr>
        )}
      </TableBody>
    </Table>
  );
}

/** The KRaft quorum of the metadata log: leader, epoch, high watermark, voters and observers with their lag. */
export function QuorumCard({ quorum }: { quorum: QuorumAndFeatures["quorum"] }) {
  return (
    <Card aria-labelledby="quorum-title">
      <CardHeader
        titleId="quorum-title"
        title="KRaft quorum"
        description="The metadata log (__cluster_metadata) as its leader reports it (DescribeQuorum). Lag is the leader's log end offset minus the replica's."
      />
      {!quorum.ok ? (
        <UnavailablePart what="The quorum" reason={quorum.reason} code={quorum.code} />
      ) : (
        <>
          <dl aria-label="Quorum summary" className="grid grid-cols-2 gap-4 px-5 py-4 text-sm sm:grid-cols-4">
            {[
              ["Leader", quorum.data.leaderId >= 0 ? `Node ${quorum.data.leaderId}` : "None (election)"],
              ["Leader epoch", quorum.data.leaderEpoch],
              ["High watermark", quorum.data.highWatermark],
              ["Voters", quorum.data.voters.length],
            ].map(([label, value]) => (
              <div key={label}>
                <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
                <dd className="font-mono">{value}</dd>
              </div>
            ))}
          </dl>
          <h3 className="px-5 pt-2 text-sm font-semibold">Voters</h3>
          <ReplicasTable replicas={quorum.data.voters} label="Voters" />
          <h3 className="px-5 pt-4 text-sm font-semibold">Observers</h3>
          <ReplicasTable replicas={quorum.data.observers} label="Observers" />
        </>
      )}
    </Card>
  );
}
