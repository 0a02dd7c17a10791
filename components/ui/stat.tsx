import type { ReactNode } from "react";
import { cn } from "./cn";

type StatTone = "default" | "warning" | "danger";

const tones: Record<StatTone, { tile: string; note: string }> = {
  default: { tile: "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900", note: "" },
  warning: {
    tile: "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/60",
    note: "text-amber-800 dark:text-amber-300",
  },
  danger: {
    tile: "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/60",
    note: "text-red-700 dark:text-red-300",
  },
};

interface StatProps {
  label: string;
  value: ReactNode;
  /** Short text under the value, e.g. why the tile is highlighted; the colour alone never says it. */
  note?: ReactNode;
  tone?: StatTone;
  className?: string;
}

/**
 * One term and its value inside a <dl>. ARIA forbids naming terms and definitions, so the pairing is
 * structural: the value is the <dd> right after its <dt>.
 */
export function Stat({ label, value, note, tone = "default", className }: StatProps) {
  return (
    <div className={cn("rounded-lg border px-4 py-3", tones[tone].tile, className)}>
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {note && <dd className={cn("mt-1 text-xs font-medium", tones[tone].note)}>{note}</dd>}
    </div>
  );
}
