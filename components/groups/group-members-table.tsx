import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export interface GroupMemberRow {
  memberId: string;
  instanceId: string | null;
  clientId: string;
  clientHost: string;
  assignment: TopicPartitions[] | null;
  memberEpoch?: number;
  targetAssignment?: TopicPartitions[];
}

/** "orders: 0, 1, 2; payments: 0", or a quiet note when the assignment cannot be read. */
function assignmentText(assignment: TopicPartitions[] | null | undefined) {
  if (!assignment) return <span className="text-zinc-500">not readable</span>;
  if (assignment.length === 0) return <span className="text-zinc-500">none</span>;
  return assignment.map(({ topic, partitions }) => `${topic}: ${partitions.join(", ")}`).join("; ");
}

const sameAssignment = (a: TopicPartitions[] | null, b: TopicPartitions[] | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The group's members; KIP-848 and share groups add the member epoch, KIP-848 groups the target
 * assignment (what the member holds once it has reconciled).
 */
export function GroupMembersTable({
  members,
  labelledBy,
}: {
  members: GroupMemberRow[];
  labelledBy: string;
}) {
  const epochs = members.some((member) => member.memberEpoch !== undefined);
  const targets = members.some((member) => member.targetAssignment !== undefined);
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHead>
        <tr>
          <TableHeaderCell>Client id</TableHeaderCell>
          <TableHeaderCell>Member id</TableHeaderCell>
          <TableHeaderCell>Host</TableHeaderCell>
          {epochs && <TableHeaderCell className="text-right">Epoch</TableHeaderCell>}
          <TableHeaderCell>Assignment</TableHeaderCell>
          {targets && <TableHeaderCell>Target assignment</TableHeaderCell>}
        </tr>
      </TableHead>
      <TableBody>
        {members.map((member) => (
          <tr key={member.memberId}>
            <TableCell className="font-mono text-xs">{member.clientId}</TableCell>
            <TableCell className="max-w-xs font-mono text-xs break-all">
              {member.memberId}
              {member.instanceId && <span className="block text-zinc-500">static: {member.instanceId}</span>}
            </TableCell>
            <TableCell className="font-mono text-xs">{member.clientHost}</TableCell>
            {epochs && <TableCell className="text-right tabular-nums">{member.memberEpoch ?? "–"}</TableCell>}
            <TableCell className="font-mono text-xs">{assignmentText(member.assignment)}</TableCell>
            {targets && (
              <TableCell className="font-mono text-xs">
                {sameAssignment(member.assignment, member.targetAssignment) ? (
                  <span className="text-zinc-500">same (reconciled)</span>
                ) : (
                  assignmentText(member.targetAssignment)
                )}
              </TableCell>
            )}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
