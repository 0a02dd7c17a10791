"use client";

// The group's total lag over time, drawn by uPlot on a canvas. uPlot is imported when the chart
// mounts, so only this page's visitors download it; the numbers are also given as text for screen
// readers and for anyone who wants them without hovering.
import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

import type { LagHistoryPoint } from "@/lib/schemas/lag-history";

const HEIGHT = 220;

/** uPlot's aligned data: times in seconds, then one array per series (null where a point lacks it). */
function alignedData(points: readonly LagHistoryPoint[], withTimeLag: boolean): uPlot.AlignedData {
  const times = points.map((point) => Date.parse(point.at) / 1000);
  const lag = points.map((point) => Number(point.lag));
  const maxLag = points.map((point) => Number(point.maxLag));
  const timeLag = points.map((point) => (point.timeLagMs === null ? null : point.timeLagMs / 1000));
  return withTimeLag ? [times, lag, maxLag, timeLag] : [times, lag, maxLag];
}

function options(width: number, color: string, bucketed: boolean, withTimeLag: boolean): uPlot.Options {
  const axis = { stroke: color, grid: { stroke: "rgba(128,128,128,0.2)" }, ticks: { stroke: color } };
  const series: uPlot.Series[] = [
    {},
    { label: bucketed ? "Lag (last)" : "Lag", stroke: "#0284c7", width: 2, scale: "lag" },
    { label: "Lag (largest)", stroke: "#f59e0b", width: 1, dash: [4, 4], scale: "lag", show: bucketed },
  ];
  const axes: uPlot.Axis[] = [axis, { ...axis, scale: "lag", label: "records", size: 70 }];
  if (withTimeLag) {
    series.push({ label: "Time lag (s)", stroke: "#16a34a", width: 1, scale: "seconds" });
    axes.push({ ...axis, scale: "seconds", side: 1, label: "seconds", grid: { show: false } });
  }
  return {
    width,
    height: HEIGHT,
    series,
    axes,
    scales: { lag: { range: (_self, _min, max) => [0, Math.max(1, max)] } },
    legend: { live: true },
  };
}

const seconds = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(1)} s`);

function maxTimeLag(points: readonly LagHistoryPoint[]): number | null {
  const known = points.flatMap((point) => (point.maxTimeLagMs === null ? [] : [point.maxTimeLagMs]));
  return known.length ? Math.max(...known) : null;
}

export function LagHistoryChart({
  points,
  resolutionSeconds,
  label,
}: {
  points: LagHistoryPoint[];
  resolutionSeconds: number;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const withTimeLag = points.some((point) => point.timeLagMs !== null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let chart: uPlot | undefined;
    let cancelled = false;
    const resize = new ResizeObserver(() => chart?.setSize({ width: element.clientWidth, height: HEIGHT }));
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const color = getComputedStyle(element).color;
      chart = new UPlot(
        options(element.clientWidth, color, resolutionSeconds > 0, withTimeLag),
        alignedData(points, withTimeLag),
        element,
      );
      resize.observe(element);
    });
    return () => {
      cancelled = true;
      resize.disconnect();
      chart?.destroy();
    };
  }, [points, resolutionSeconds, withTimeLag]);

  const last = points.at(-1);
  const largest = points.reduce(
    (max, point) => (BigInt(point.maxLag) > max ? BigInt(point.maxLag) : max),
    0n,
  );
  return (
    <figure className="space-y-2">
      <div
        ref={container}
        role="img"
        aria-label={label}
        className="min-h-[220px] text-zinc-600 dark:text-zinc-400"
      />
      <figcaption className="text-sm text-zinc-600 dark:text-zinc-400">
        {label}: {points.length} {points.length === 1 ? "point" : "points"}, latest{" "}
        <span className="font-mono">{last?.lag ?? "–"}</span>, largest{" "}
        <span className="font-mono">{largest.toString()}</span>.
        {withTimeLag && (
          <>
            {" "}
            Time lag latest <span className="font-mono">{seconds(last?.timeLagMs ?? null)}</span>, largest{" "}
            <span className="font-mono">{seconds(maxTimeLag(points))}</span>.
          </>
        )}
      </figcaption>
    </figure>
  );
}
