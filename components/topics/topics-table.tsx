import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { TopicSort } from "@/lib/schemas/topics";
import { formatCount } from "./topic-links";
import { formatRetention, formatSize } from "./topic-figures";
import { TopicHealthBadges } from "./topic-health-badges";
import { topicPath, topicsPath } from "@/lib/paths";

export interface TopicRow {
  name: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
  messages: string | null;
  sizeBytes: string | null;
  underReplicated: number;
  offline: number;
  cleanupPolicy: string | null;
  retentionMs: string | null;
  retentionBytes: string | null;
}

export interface TopicListLinks {
  cluster: string;
  q?: string;
  internal?: boolean;
  sort: TopicSort;
}

/** One page of topics; the server has already filtered, sorted and sliced it. */
export function TopicsTable({
  topics,
  labelledBy,
  links,
}: {
  topics: TopicRow[];
  labelledBy: string;
  links: TopicListLinks;
}) {
  const { cluster } = links;
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHead>
        <tr>
          <SortHeader links={links} sort="name">
            Name
          </SortHeader>
          <SortHeader links={links} sort="partitions" numeric>
            Partitions
          </SortHeader>
          <TableHeaderCell className="text-right">Replication</TableHeaderCell>
          <SortHeader links={links} sort="messages" numeric>
            <abbr
              title="High minus low watermark, summed over the partitions: approximate for compacted and transactional topics"
              className="no-underline"
            >
              Messages ≈
            </abbr>
          </SortHeader>
          <SortHeader links={links} sort="size" numeric>
            <abbr title="Bytes on disk over all replicas (DescribeLogDirs)" className="no-underline">
              Size
            </abbr>
          </SortHeader>
          <TableHeaderCell>Retention</TableHeaderCell>
          <TableHeaderCell>Cleanup</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {topics.map((topic) => (
          <tr key={topic.name}>
            <TableCell className="max-w-md">
              <span className="flex flex-wrap items-center gap-2">
                <Link
                  href={topicPath(cluster, topic.name)}
                  className="truncate font-mono text-sm text-sky-700 hover:underline dark:text-sky-400"
                >
                  {topic.name}
                </Link>
                {topic.internal && <Badge>internal</Badge>}
                <TopicHealthBadges offline={topic.offline} underReplicated={topic.underReplicated} />
              </span>
            </TableCell>
            <TableCell className="text-right tabular-nums">{topic.partitions}</TableCell>
            <TableCell className="text-right tabular-nums">{topic.replicationFactor}</TableCell>
            <TableCell className="text-right tabular-nums">
              {topic.messages === null ? (
                <Unknown why="The watermarks could not be read" />
              ) : (
                formatCount(topic.messages)
              )}
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              {topic.sizeBytes === null ? (
                <Unknown why="A broker did not answer DescribeLogDirs" />
              ) : (
                <span title={`${formatCount(topic.sizeBytes)} bytes`}>{formatSize(topic.sizeBytes)}</span>
              )}
            </TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">
              {topic.retentionMs === null && topic.retentionBytes === null ? (
                <Unknown why="The topic's configs could not be read" />
              ) : (
                formatRetention(topic.retentionMs, topic.retentionBytes)
              )}
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {topic.cleanupPolicy ?? <Unknown why="The topic's configs could not be read" />}
            </TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

function Unknown({ why }: { why: string }) {
  return (
    <span className="text-zinc-500" title={why}>
      unknown
    </span>
  );
}

/** A column header that links to the list sorted by it (name A→Z, figures largest first). */
function SortHeader({
  links,
  sort,
  numeric,
  children,
}: {
  links: TopicListLinks;
  sort: TopicSort;
  numeric?: boolean;
  children: ReactNode;
}) {
  const current = links.sort === sort;
  return (
    <TableHeaderCell
      className={numeric ? "text-right" : undefined}
      aria-sort={current ? (sort === "name" ? "ascending" : "descending") : undefined}
    >
      <Link
        href={topicsPath(links.cluster, { q: links.q, internal: links.internal, sort })}
        className="hover:underline"
        title={sort === "name" ? "Sort by name" : `Sort by ${sort}, largest first`}
      >
        {children}
        {current && <span aria-hidden="true">{sort === "name" ? " ↑" : " ↓"}</span>}
      </Link>
    </TableHeaderCell>
  );
}
