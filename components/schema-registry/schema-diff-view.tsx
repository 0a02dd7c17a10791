import { cn } from "@/components/ui/cn";
import { diffCounts, lineDiff } from "@/lib/schema-registry/line-diff";
import { formatSchema, type SchemaKind } from "@/lib/schema-registry/schema-text";

const MARK = { same: " ", added: "+", removed: "-" } as const;
const TONE = {
  same: "",
  added: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100",
  removed: "bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100",
} as const;

interface Side {
  version: number;
  schemaType: SchemaKind;
  schema: string;
}

/** A line diff of two versions' formatted schemas, as text with +/- marks (never HTML). */
export function SchemaDiffView({ from, to }: { from: Side; to: Side }) {
  const lines = lineDiff(formatSchema(from.schemaType, from.schema), formatSchema(to.schemaType, to.schema));
  const { added, removed } = diffCounts(lines);
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
        Version {from.version} → version {to.version}: {added} line{added === 1 ? "" : "s"} added, {removed}{" "}
        removed
      </p>
      <pre
        aria-label={`Diff of version ${from.version} and version ${to.version}`}
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded-md bg-zinc-50 py-2 font-mono text-xs leading-5 dark:bg-zinc-950"
      >
        {lines.map((line, index) => (
          <div key={index} className={cn("px-4 whitespace-pre", TONE[line.kind])}>
            {MARK[line.kind]} {line.text}
          </div>
        ))}
      </pre>
    </div>
  );
}
