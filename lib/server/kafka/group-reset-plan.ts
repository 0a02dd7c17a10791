// Pure planning of a consumer group's offset reset: which partitions a scope means, and each one's new
// offset for a mode, kept inside the partition's [log start, log end] and said so when it had to be.
// No Kafka calls: group-reset.ts reads the offsets and the topics, and commits what this plans.
import type { ResetRow } from "@/lib/schemas/group-reset";

export interface PartitionRange {
  topic: string;
  partition: number;
  logStart: bigint;
  logEnd: bigint;
  /** The group's committed offset; null when it has none for the partition. */
  committed: bigint | null;
}

/** What a mode asks for one partition; timestamps and other groups' offsets are looked up before planning. */
export type ResetTarget =
  | { kind: "earliest" }
  | { kind: "latest" }
  | { kind: "offset"; offset: bigint }
  | { kind: "shift"; by: bigint }
  /** The first offset whose timestamp is at or after the time; null when no record is (past the end). */
  | { kind: "timestamp"; found: bigint | null }
  /** Another group's committed offset (or a file's row); null when it has none for the partition. */
  | { kind: "copy"; offset: bigint | null; from: string };

export type { ResetRow };

export type Planned<T> = { ok: true; data: T } | { ok: false; error: string };

export interface ScopeRequest {
  topic?: string;
  partitions?: number[];
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

/**
 * The partitions a scope means: the named topic's chosen (or all) partitions; without a topic, the
 * partitions `whole` lists (the group's committed ones, or the source group's when copying).
 */
export function resolveScope(
  scope: ScopeRequest,
  topicPartitions: ReadonlyMap<string, number>,
  whole: readonly TopicPartition[],
  wholeName: string,
): Planned<TopicPartition[]> {
  if (!scope.topic) {
    if (whole.length === 0)
      return {
        ok: false,
        error: `${wholeName} has no committed offsets; choose a topic to set offsets for.`,
      };
    return { ok: true, data: sortPartitions(whole) };
  }
  const topic = scope.topic;
  const count = topicPartitions.get(topic);
  if (count === undefined)
    return {
      ok: false,
      error: `Topic ${topic} does not exist on this cluster, or the console may not describe it.`,
    };
  const missing = (scope.partitions ?? []).filter((partition) => partition >= count);
  if (missing.length)
    return {
      ok: false,
      error: `Topic ${topic} has partitions 0 to ${count - 1}; there is no partition ${missing.join(", ")}.`,
    };
  const chosen = scope.partitions ?? Array.from({ length: count }, (_, partition) => partition);
  return { ok: true, data: chosen.map((partition) => ({ topic, partition })) };
}

/** Every partition's row, or one error naming every partition that cannot be planned. */
export function planReset(
  ranges: readonly PartitionRange[],
  targetOf: (range: PartitionRange) => ResetTarget,
): Planned<ResetRow[]> {
  const rows: ResetRow[] = [];
  const problems: string[] = [];
  for (const range of ranges) {
    const planned = planPartition(range, targetOf(range));
    if (planned.ok) rows.push(planned.data);
    else problems.push(planned.error);
  }
  if (problems.length) return { ok: false, error: summarize(problems) };
  return { ok: true, data: sortPartitions(rows) };
}

export function planPartition(range: PartitionRange, target: ResetTarget): Planned<ResetRow> {
  const where = `${range.topic} partition ${range.partition}`;
  let wanted: bigint;
  let note: string | null = null;
  switch (target.kind) {
    case "earliest":
      wanted = range.logStart;
      break;
    case "latest":
      wanted = range.logEnd;
      break;
    case "offset":
      wanted = target.offset;
      break;
    case "shift":
      if (range.committed === null)
        return { ok: false, error: `${where} has no committed offset to shift from` };
      wanted = range.committed + target.by;
      break;
    case "timestamp":
      wanted = target.found ?? range.logEnd;
      if (target.found === null) note = "No record at or after that time: the log end offset.";
      break;
    case "copy":
      if (target.offset === null)
        return { ok: false, error: `${where} has no committed offset in ${target.from}` };
      wanted = target.offset;
      break;
  }
  const { offset, clamped } = clamp(wanted, range);
  if (clamped)
    note =
      wanted < range.logStart
        ? `${wanted} is before the log start offset; starts at ${offset}.`
        : `${wanted} is past the log end offset; starts at ${offset}.`;
  return {
    ok: true,
    data: {
      topic: range.topic,
      partition: range.partition,
      currentOffset: range.committed === null ? null : range.committed.toString(),
      newOffset: offset.toString(),
      logStartOffset: range.logStart.toString(),
      logEndOffset: range.logEnd.toString(),
      lagBefore: range.committed === null ? null : lagOf(range.committed, range.logEnd).toString(),
      lagAfter: lagOf(offset, range.logEnd).toString(),
      clamped,
      note,
    },
  };
}

export function clamp(offset: bigint, range: Pick<PartitionRange, "logStart" | "logEnd">) {
  if (offset < range.logStart) return { offset: range.logStart, clamped: true };
  if (offset > range.logEnd) return { offset: range.logEnd, clamped: true };
  return { offset, clamped: false };
}

/** A committed offset past the log end (after a truncation) has no lag, not a negative one. */
function lagOf(offset: bigint, logEnd: bigint): bigint {
  return offset >= logEnd ? 0n : logEnd - offset;
}

/** At most a few named, then how many more: an error message stays readable for 10,000 partitions. */
function summarize(problems: string[], shown = 5): string {
  const named = problems.slice(0, shown).join("; ");
  const more = problems.length > shown ? `; and ${problems.length - shown} more partitions` : "";
  return `Cannot plan the reset: ${named}${more}.`;
}

export function sortPartitions<T extends TopicPartition>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) =>
    a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
  );
}

export interface AppliedOffset {
  topic: string;
  partition: number;
  before: string | null;
  after: string;
}

/** An audit record's "offsets" detail stops after this many characters, saying how many it left out. */
const AUDIT_DETAIL_CHARS = 2_000;

/** "orders/0 5→2, orders/1 none→0, …" cut at AUDIT_DETAIL_CHARS with how many partitions are left out. */
export function describeChanges(applied: readonly AppliedOffset[]): string {
  let text = "";
  for (const [index, row] of applied.entries()) {
    const part = `${index ? ", " : ""}${row.topic}/${row.partition} ${row.before ?? "none"}→${row.after}`;
    if (text.length + part.length > AUDIT_DETAIL_CHARS)
      return `${text}, … and ${applied.length - index} more partitions`;
    text += part;
  }
  return text;
}
