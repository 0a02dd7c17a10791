"use client";

import { useHydrated } from "./use-hydrated";

const utcFormat = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
});

/**
 * A time of day in the reader's time zone. The server does not know that zone, so it renders UTC
 * (marked as such) and the browser switches to local time after hydration.
 */
export function LocalTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <>unknown</>;
  const text = hydrated ? date.toLocaleTimeString() : `${utcFormat.format(date)} UTC`;
  return (
    <time dateTime={iso} title={date.toISOString()}>
      {text}
    </time>
  );
}
