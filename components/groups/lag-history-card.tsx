import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LAG_HISTORY_RANGES, type LagHistory, type LagHistoryRange } from "@/lib/schemas/lag-history";
import { LagHistoryChart } from "./lag-history-chart";

const RANGE_NAMES: Record<LagHistoryRange, string> = {
  "1h": "the last hour",
  "24h": "the last 24 hours",
  "7d": "the last 7 days",
};

const RESOLUTION_NOTES: Record<LagHistoryRange, string> = {
  "1h": "every sample",
  "24h": "5-minute buckets, each its last and largest value",
  "7d": "hourly buckets, each its last and largest value",
};

/** The group's recorded lag with its range switch (plain links: the page reads ?range=). */
export function LagHistoryCard({
  history,
  rangeHref,
}: {
  history: LagHistory;
  rangeHref: (range: LagHistoryRange) => string;
}) {
  const { sampler, range, points } = history;
  const description = `Total lag over ${RANGE_NAMES[range]}, ${RESOLUTION_NOTES[range]}.${
    sampler.timeLag ? "" : " Time lag is not recorded (lagHistory.timeLag is false)."
  }`;
  return (
    <Card aria-labelledby="lag-history-title">
      <CardHeader
        titleId="lag-history-title"
        title="Lag history"
        description={description}
        actions={
          <nav aria-label="Time range" className="flex gap-1 text-sm">
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
          <LagHistoryChart
            points={points}
            resolutionSeconds={history.resolutionSeconds}
            label={`Total lag of ${history.group} over ${RANGE_NAMES[range]}`}
          />
        ) : (
          <EmptyState
            title="No history yet"
            description={
              sampler.enabled
                ? `The sampler records every ${sampler.intervalSeconds} s; the first point appears after its next round.`
                : "Lag history is off: lagHistory.enabled is false in the console's configuration."
            }
          />
        )}
      </div>
    </Card>
  );
}
