import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { GroupIdLink, GroupStateBadge, GroupTypeBadge, LagText, TimeLagText } from "./group-labels";
import { LagSparkline } from "./lag-sparkline";

export interface GroupRow {
  id: string;
  type: string;
  state: string;
  protocol: string | null;
  coordinator: number | null;
  members: number | null;
  topics: string[] | null;
  totalLag: string | null;
  unavailable?: string;
}

const unknown = (reason?: string) => (
  <span className="text-zinc-500" title={reason ?? "Could not be read"}>
    –
  </span>
);

/** One page of groups; the server has already searched, filtered, sorted and sliced them. */
export function GroupsTable({
  cluster,
  groups,
  labelledBy,
  lagTrends,
  timeLags,
}: {
  cluster: string;
  groups: GroupRow[];
  labelledBy: string;
  /** The lag history's recent totals per group (the sparkline column); absent: no column. */
  lagTrends?: { hours: number; values: ReadonlyMap<string, readonly number[]> };
  /** Each group's largest time lag (ms); absent: no column. */
  timeLags?: ReadonlyMap<string, number | null>;
}) {
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHead>
        <tr>
          <TableHeaderCell>Group</TableHeaderCell>
          <TableHeaderCell>Type</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Protocol</TableHeaderCell>
          <TableHeaderCell className="text-right">Coordinator</TableHeaderCell>
          <TableHeaderCell className="text-right">Members</TableHeaderCell>
          <TableHeaderCell>Topics</TableHeaderCell>
          <TableHeaderCell className="text-right">Total lag</TableHeaderCell>
          {timeLags && <TableHeaderCell className="text-right">Time lag</TableHeaderCell>}
          {lagTrends && <TableHeaderCell>Last {lagTrends.hours} h</TableHeaderCell>}
        </tr>
      </TableHead>
      <TableBody>
        {groups.map((group) => (
          <tr key={group.id}>
            <TableCell className="max-w-sm">
              <GroupIdLink cluster={cluster} groupId={group.id} />
            </TableCell>
            <TableCell>
              <GroupTypeBadge type={group.type} />
            </TableCell>
            <TableCell>
              <GroupStateBadge state={group.state} />
            </TableCell>
            <TableCell className="font-mono text-xs">
              {group.protocol ?? unknown(group.unavailable)}
            </TableCell>
            <TableCell className="text-right tabular-nums">{group.coordinator ?? unknown()}</TableCell>
            <TableCell className="text-right tabular-nums">
              {group.members ?? unknown(group.unavailable)}
            </TableCell>
            <TableCell className="max-w-xs">
              {group.topics === null ? (
                unknown(group.unavailable)
              ) : (
                <span className="block truncate font-mono text-xs" title={group.topics.join(", ")}>
                  {group.topics.length === 0 ? "none" : group.topics.join(", ")}
                </span>
              )}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <LagText lag={group.totalLag} unknown={group.unavailable} />
            </TableCell>
            {timeLags && (
              <TableCell className="text-right tabular-nums">
                <TimeLagText ms={timeLags.get(group.id) ?? null} />
              </TableCell>
            )}
            {lagTrends && (
              <TableCell>
                <LagSparkline values={lagTrends.values.get(group.id) ?? []} hours={lagTrends.hours} />
              </TableCell>
            )}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
