import Link from "next/link";
import { useId } from "react";
import type { TopicRate } from "@/lib/schemas/throughput";
import type { OverviewDisk } from "@/lib/schemas/overview";
import { topicPath } from "@/lib/paths";
import { formatBytes } from "@/components/brokers/format-bytes";
import { Card, CardHeader } from "@/components/ui/card";
import { formatRate } from "@/components/throughput/format-rate";

const linkClass = "truncate font-mono text-sky-700 hover:underline dark:text-sky-400";

/** The largest topics on disk (all replicas) and the busiest by produce rate over the last minutes. */
export function TopTopicsCard({
  cluster,
  disk,
  rates,
  windowMinutes,
}: {
  cluster: string;
  disk: OverviewDisk | null;
  rates: TopicRate[];
  windowMinutes: number;
}) {
  const sizeId = useId();
  const rateId = useId();
  return (
    <Card aria-label="Top topics">
      <CardHeader title="Top topics" description="Largest on disk, and busiest by messages produced." />
      <div className="grid gap-6 px-5 py-4 sm:grid-cols-2">
        <div>
          <h3 id={sizeId} className="mb-2 text-sm font-semibold">
            By size (all replicas)
          </h3>
          {disk === null || !disk.ok ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Unavailable{disk && !disk.ok ? `: ${disk.unavailable}` : ""}
            </p>
          ) : disk.largestTopics.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No topics hold data yet.</p>
          ) : (
            <ol aria-labelledby={sizeId} className="space-y-1 text-sm">
              {disk.largestTopics.map((row) => (
                <li key={row.topic} className="flex justify-between gap-3">
                  <Link href={topicPath(cluster, row.topic)} className={linkClass}>
                    {row.topic}
                  </Link>
                  <span className="shrink-0 tabular-nums">{formatBytes(row.bytes)}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3 id={rateId} className="mb-2 text-sm font-semibold">
            By produce rate (last {windowMinutes} minutes)
          </h3>
          {rates.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Nothing produced in that time, or the sampler has not completed two rounds yet.
            </p>
          ) : (
            <ol aria-labelledby={rateId} className="space-y-1 text-sm">
              {rates.map((row) => (
                <li key={row.topic} className="flex justify-between gap-3">
                  <Link href={topicPath(cluster, row.topic)} className={linkClass}>
                    {row.topic}
                  </Link>
                  <span className="shrink-0 tabular-nums">
                    {formatRate(row.messagesPerSecond)} msg/s ·{" "}
                    {formatBytes(String(Math.round(row.bytesPerSecond)))}/s
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </Card>
  );
}
