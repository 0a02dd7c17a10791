// Small summaries for printed figures.
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export const median = (values: number[]) => quantile(values, 0.5);

export const rate = (count: number, seconds: number) => Math.round(count / seconds);

export const fmt = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString("en") : "–");
