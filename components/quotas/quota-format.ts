// How quota values read on the page: byte rates in B/s, KiB/s or MiB/s with the exact figure kept.
import { QUOTA_KEY_LABELS, type QuotaKey } from "@/lib/schemas/quotas";

export function formatQuotaValue(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (key === "producer_byte_rate" || key === "consumer_byte_rate") {
    if (value >= 1024 * 1024 && value % (1024 * 1024) === 0) return `${value / (1024 * 1024)} MiB/s`;
    if (value >= 1024 && value % 1024 === 0) return `${value / 1024} KiB/s`;
    return `${value} B/s`;
  }
  const unit = QUOTA_KEY_LABELS[key as QuotaKey]?.unit;
  return unit ? `${value} ${unit}` : String(value);
}
