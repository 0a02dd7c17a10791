import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { formatCount } from "./topic-links";
import { topicPath } from "@/lib/paths";

export interface TopicRow {
  name: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
  messages: string | null;
}

/** One page of topics; the server has already filtered, sorted and sliced it. */
export function TopicsTable({
  cluster,
  topics,
  labelledBy,
}: {
  cluster: string;
  topics: TopicRow[];
  labelledBy: string;
}) {
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHead>
        <tr>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell className="text-right">Partitions</TableHeaderCell>
          <TableHeaderCell className="text-right">Replication</TableHeaderCell>
          <TableHeaderCell className="text-right">
            <abbr
              title="High minus low watermark, summed over the partitions: approximate for compacted and transactional topics"
              className="no-underline"
            >
              Messages ≈
            </abbr>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {topics.map((topic) => (
          <tr key={topic.name}>
            <TableCell className="max-w-md">
              <span className="flex items-center gap-2">
                <Link
                  href={topicPath(cluster, topic.name)}
                  className="truncate font-mono text-sm text-sky-700 hover:underline dark:text-sky-400"
                >
                  {topic.name}
                </Link>
                {topic.internal && <Badge>internal</Badge>}
              </span>
            </TableCell>
            <TableCell className="text-right tabular-nums">{topic.partitions}</TableCell>
            <TableCell className="text-right tabular-nums">{topic.replicationFactor}</TableCell>
            <TableCell className="text-right tabular-nums">
              {topic.messages === null ? (
                <span className="text-zinc-500" title="The watermarks could not be read">
                  unknown
                </span>
              ) : (
                formatCount(topic.messages)
              )}
            </TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
