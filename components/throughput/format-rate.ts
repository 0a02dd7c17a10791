/** Rates as read: whole numbers from 10 up (with thousands separators), one decimal below. */
export function formatRate(value: number): string {
  return value >= 10 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
}
