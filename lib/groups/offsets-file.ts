// A consumer group's committed offsets as a file: CSV in the format of Kafka's own
// `kafka-consumer-groups --reset-offsets --export` (topic,partition,offset; a header line is optional),
// or JSON ({ group, offsets: [{ topic, partition, offset }] }, or just the array). Pure.
import { fieldErrorsOf } from "@/lib/errors";
import { partitionOffsetsSchema, type PartitionOffset } from "@/lib/schemas/group-reset";

export interface ExportedOffsets {
  cluster: string;
  group: string;
  exportedAt: string;
  offsets: { topic: string; partition: number; offset: string }[];
}

export function offsetsToCsv(offsets: ExportedOffsets["offsets"]): string {
  return ["topic,partition,offset", ...offsets.map((row) => `${row.topic},${row.partition},${row.offset}`)]
    .join("\n")
    .concat("\n");
}

export function offsetsToJson(exported: ExportedOffsets): string {
  return `${JSON.stringify(exported, null, 2)}\n`;
}

export type ParsedOffsets = { ok: true; offsets: PartitionOffset[] } | { ok: false; error: string };

/** The file's rows, checked: topics by Kafka's naming rules, offsets ≥ 0, no partition twice. */
export function parseOffsetsFile(text: string): ParsedOffsets {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed === "") return { ok: false, error: "The file is empty." };
  const rows = /^[[{]/.test(trimmed) ? jsonRows(trimmed) : csvRows(trimmed);
  if (!Array.isArray(rows)) return rows;
  const parsed = partitionOffsetsSchema.safeParse(rows);
  if (parsed.success) return { ok: true, offsets: parsed.data };
  const [path, messages] = Object.entries(fieldErrorsOf(parsed.error))[0]!;
  const index = /^(\d+)\./.exec(path)?.[1];
  const where = index === undefined ? "" : ` in row ${Number(index) + 1}`;
  return { ok: false, error: `${messages[0]}${where}.` };
}

function jsonRows(text: string): unknown[] | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: "The file starts like JSON but is not valid JSON." };
  }
  const rows = Array.isArray(value)
    ? value
    : typeof value === "object" && value && "offsets" in value
      ? value.offsets
      : null;
  if (!Array.isArray(rows))
    return { ok: false, error: 'The JSON holds no "offsets" list of { topic, partition, offset }.' };
  return rows;
}

function csvRows(text: string): unknown[] | { ok: false; error: string } {
  const lines = text.split(/\r?\n/);
  const rows: unknown[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const cells = line.split(",").map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
    if (index === 0 && cells[0]?.toLowerCase() === "topic") continue;
    if (cells.length !== 3)
      return {
        ok: false,
        error: `Line ${index + 1} has ${cells.length} fields; each line is topic,partition,offset.`,
      };
    rows.push({ topic: cells[0], partition: cells[1], offset: cells[2] });
  }
  return rows;
}
