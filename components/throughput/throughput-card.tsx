import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LAG_HISTORY_RANGES, type LagHistoryRange } from "@/lib/schemas/lag-history";
import type { Throughput } from "@/lib/schemas/throughput";
import { ThroughputChart } from "./throughput-chart";

const RANGE_NAMES: Record<LagHistoryRange, string> = {
  "1h": "the last hour",
  "24h": "the last 24 hours",
  "7d": "the last 7 days",
};

const RESOLUTION_NOTES: Record<LagHistoryRange, string> = {
  "1h": "every sampling interval",
  "24h": "5-minute means",
  "7d": "hourly means",
};

/** A cluster's or a topic's recorded throughput with its range switch (plain links: the page reads ?range=). */
export function ThroughputCard({
  throughput,
  rangeHref,
}: {
  throughput: Throughput;
  rangeHref: (range: LagHistoryRange) => string;
}) {
  const { sampler, range, points, topic } = throughput;
  const subject = topic === null ? `cluster ${throughput.cluster}` : topic;
  return (
    <Card aria-labelledby="throughput-title">
      <CardHeader
        titleId="throughput-title"
        title="Throughput"
        description={`Messages and bytes produced per second over ${RANGE_NAMES[range]}, ${RESOLUTION_NOTES[range]}; from high watermarks and log sizes, no JMX needed.`}
        actions={
          <nav aria-label="Throughput time range" className="flex gap-1 text-sm">
            {LAG_HISTORY_RANGES.map((option) => (
              <Link
                key={option}
                href={rangeHref(option)}
                scroll={false}
                aria-current={option === range ? "page" : undefined}
                className="rounded px-2 py-1 text-sky-700 hover:underline aria-[current=page]:bg-zinc-100 aria-[current=page]:font-semibold aria-[current=page]:text-zinc-900 dark:text-sky-400 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-zinc-100"
              >
                {option}
              </Link>
            ))}
          </nav>
        }
      />
      <div className="p-5">
        {points.length > 0 ? (
          <ThroughputChart points={points} label={`Throughput of ${subject} over ${RANGE_NAMES[range]}`} />
        ) : (
          <EmptyState
            title="No throughput yet"
            description={
              sampler.enabled
                ? `The sampler reads every topic's high watermarks every ${sampler.intervalSeconds} s; the first rate appears after its second round.`
                : "Throughput is off: lagHistory.enabled or lagHistory.throughput is false in the console's configuration."
            }
          />
        )}
      </div>
    </Card>
  );
}
