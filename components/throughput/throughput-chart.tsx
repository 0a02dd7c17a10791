"use client";

// Messages/s and bytes/s over time, drawn by uPlot (as the lag history is), imported when the chart
// mounts; the figures are also given as text for screen readers and for reading without hovering.
import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

import type { ThroughputPoint } from "@/lib/schemas/throughput";
import { formatBytes } from "@/components/brokers/format-bytes";
import { formatRate } from "./format-rate";

const HEIGHT = 220;

function alignedData(points: readonly ThroughputPoint[]): uPlot.AlignedData {
  return [
    points.map((point) => Date.parse(point.at) / 1000),
    points.map((point) => point.messagesPerSecond),
    points.map((point) => point.bytesPerSecond),
  ];
}

function options(width: number, color: string): uPlot.Options {
  const axis = { stroke: color, grid: { stroke: "rgba(128,128,128,0.2)" }, ticks: { stroke: color } };
  const fromZero: uPlot.Scale["range"] = (_self, _min, max) => [0, Math.max(1, max)];
  return {
    width,
    height: HEIGHT,
    series: [
      {},
      { label: "Messages/s", stroke: "#0284c7", width: 2, scale: "messages" },
      { label: "Bytes/s", stroke: "#16a34a", width: 1, scale: "bytes" },
    ],
    axes: [
      axis,
      { ...axis, scale: "messages", label: "messages/s", size: 70 },
      {
        ...axis,
        scale: "bytes",
        side: 1,
        label: "bytes/s",
        size: 80,
        grid: { show: false },
        values: (_self, ticks) => ticks.map((tick) => formatBytes(String(Math.round(tick)))),
      },
    ],
    scales: { messages: { range: fromZero }, bytes: { range: fromZero } },
    legend: { live: true },
  };
}

export function ThroughputChart({ points, label }: { points: ThroughputPoint[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let chart: uPlot | undefined;
    let cancelled = false;
    const resize = new ResizeObserver(() => chart?.setSize({ width: element.clientWidth, height: HEIGHT }));
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const color = getComputedStyle(element).color;
      chart = new UPlot(options(element.clientWidth, color), alignedData(points), element);
      resize.observe(element);
    });
    return () => {
      cancelled = true;
      resize.disconnect();
      chart?.destroy();
    };
  }, [points]);

  const last = points.at(-1);
  const peak = points.reduce((max, point) => Math.max(max, point.peakMessagesPerSecond), 0);
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
        <span className="font-mono">{last ? formatRate(last.messagesPerSecond) : "–"}</span> messages/s (
        <span className="font-mono">{last ? formatBytes(String(Math.round(last.bytesPerSecond))) : "–"}</span>
        /s), peak <span className="font-mono">{formatRate(peak)}</span> messages/s.
      </figcaption>
    </figure>
  );
}
