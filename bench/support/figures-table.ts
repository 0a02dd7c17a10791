// The closing table: each figure beside its target from issue 6, pass or miss. Nothing is asserted.
export interface FigureRow {
  figure: string;
  measured: string;
  target: string;
  /** True: met; false: missed; null: no target, or not measured. */
  met: boolean | null;
}

/** Runs one measurement; a failure becomes a row that says so, and the other figures are still taken. */
export async function attempt(
  rows: FigureRow[],
  figure: string,
  target: string,
  measure: () => Promise<Pick<FigureRow, "measured" | "met">>,
): Promise<void> {
  try {
    rows.push({ figure, target, ...(await measure()) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.log(`${figure}: not measured: ${reason}`);
    rows.push({ figure, target, measured: `not measured (${reason.slice(0, 60)})`, met: null });
  }
}

export function printTable(title: string, rows: FigureRow[]): void {
  const verdict = (met: boolean | null) => (met === null ? "" : met ? "pass" : "MISS");
  const cells = rows.map((row) => [row.figure, row.measured, row.target, verdict(row.met)]);
  const widths = [0, 1, 2].map((column) => Math.max(...cells.map((cell) => cell[column]!.length)));
  console.log(`\n${title}`);
  for (const cell of cells)
    console.log(
      `  ${cell
        .map((text, column) => text.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd()}`,
    );
}
