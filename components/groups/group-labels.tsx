// How a group's type, state and lag read in the list and on its page: text only, never broker HTML.
import Link from "next/link";

import { Badge, type Tone } from "@/components/ui/badge";
import { formatCount } from "@/components/topics/topic-links";

import { formatTimeLag } from "@/lib/groups/time-lag-format";
import { consumerGroupPath } from "@/lib/paths";

const TYPE_LABELS: Record<string, string> = {
  classic: "classic",
  consumer: "consumer (KIP-848)",
  share: "share",
  streams: "streams",
};

export function GroupTypeBadge({ type }: { type: string }) {
  return <Badge tone={type === "classic" ? "neutral" : "info"}>{TYPE_LABELS[type] ?? type}</Badge>;
}

const STATE_TONES: Record<string, Tone> = {
  stable: "success",
  empty: "neutral",
  dead: "danger",
  preparingrebalance: "warning",
  completingrebalance: "warning",
  assigning: "warning",
  reconciling: "warning",
};

export function GroupStateBadge({ state }: { state: string }) {
  return <Badge tone={STATE_TONES[state.toLowerCase()] ?? "neutral"}>{state}</Badge>;
}

/** A lag (decimal string) with separators, or a quiet "–" with the reason on hover. */
export function LagText({
  lag,
  unknown = "No committed offsets, or the log end could not be read",
}: {
  lag: string | null;
  unknown?: string;
}) {
  if (lag === null)
    return (
      <span className="text-zinc-500" title={unknown}>
        –
      </span>
    );
  return <span className={lag === "0" ? undefined : "font-medium"}>{formatCount(lag)}</span>;
}

/** A time lag in ms as "3 min 12 s", with the exact figure on hover; "–" when caught up or unreadable. */
export function TimeLagText({ ms }: { ms: number | null }) {
  if (ms === null)
    return (
      <span
        className="text-zinc-500"
        title="Caught up, nothing committed, or the next record could not be read"
      >
        –
      </span>
    );
  return <span title={`${ms} ms`}>{formatTimeLag(ms)}</span>;
}

/** A group's id linking to its page, as the group list and a topic's consumers show it. */
export function GroupIdLink({ cluster, groupId }: { cluster: string; groupId: string }) {
  return (
    <Link
      href={consumerGroupPath(cluster, groupId)}
      className="block truncate font-mono text-sm text-sky-700 hover:underline dark:text-sky-400"
    >
      {groupId}
    </Link>
  );
}
