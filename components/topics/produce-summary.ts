// The produce form's result line, e.g. "Sent 3 messages to orders: partition 0 offsets 41–43."
import type { ProduceMessagesAnswer } from "@/lib/schemas/messages";

/** Consecutive offsets of one partition collapse into a range; partitions keep their first appearance's order. */
export function describeProduced({ topic, count, written }: ProduceMessagesAnswer): string {
  const byPartition = new Map<number, bigint[]>();
  for (const { partition, offset } of written) {
    if (!/^\d+$/.test(offset)) continue;
    const offsets = byPartition.get(partition) ?? [];
    offsets.push(BigInt(offset));
    byPartition.set(partition, offsets);
  }
  const places = [...byPartition].map(
    ([partition, offsets]) => `partition ${partition} ${offsetRanges(offsets)}`,
  );
  const noun = count === 1 ? "message" : "messages";
  const shown = written.length < count ? ` (the first ${written.length} shown)` : "";
  return places.length
    ? `Sent ${count.toLocaleString("en")} ${noun} to ${topic}: ${places.join(", ")}${shown}.`
    : `Sent ${count.toLocaleString("en")} ${noun} to ${topic}.`;
}

function offsetRanges(offsets: bigint[]): string {
  const sorted = [...offsets].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ranges: string[] = [];
  let first = sorted[0]!;
  let last = first;
  for (const offset of sorted.slice(1)) {
    if (offset === last + 1n) {
      last = offset;
      continue;
    }
    ranges.push(first === last ? `${first}` : `${first}–${last}`);
    first = last = offset;
  }
  ranges.push(first === last ? `${first}` : `${first}–${last}`);
  const single = sorted.length === 1;
  return `${single ? "offset" : "offsets"} ${ranges.join(", ")}`;
}

/** The first message written (lowest offset of the first partition), for a link to it. */
export function firstWritten({
  written,
}: ProduceMessagesAnswer): { partition: number; offset: string } | undefined {
  const numeric = written.filter(({ offset }) => /^\d+$/.test(offset));
  const first = numeric[0];
  if (!first) return undefined;
  const lowest = numeric
    .filter(({ partition }) => partition === first.partition)
    .reduce((low, item) => (BigInt(item.offset) < BigInt(low.offset) ? item : low), first);
  return { partition: lowest.partition, offset: lowest.offset };
}
