// The last hours of a group's total lag as a small inline SVG line, drawn on the server: no
// JavaScript reaches the browser for it. The title says the figures in words.

const WIDTH = 80;
const HEIGHT = 20;

/** The polyline's points, from 0 (bottom) to the largest value (top); a flat line sits at the bottom. */
export function sparklinePoints(values: readonly number[], width = WIDTH, height = HEIGHT): string {
  if (values.length === 0) return "";
  const max = Math.max(...values, 0);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((value, index) => {
      const x = values.length > 1 ? index * step : width / 2;
      const y = max > 0 ? height - 1 - (value / max) * (height - 2) : height - 1;
      return `${round(x)},${round(y)}`;
    })
    .join(" ");
}

const round = (value: number) => Math.round(value * 10) / 10;

export function LagSparkline({ values, hours }: { values: readonly number[]; hours: number }) {
  if (values.length === 0) {
    return (
      <span className="text-zinc-500" title="No history yet: the sampler records it">
        –
      </span>
    );
  }
  const title = `Total lag over the last ${hours} hours: from ${values[0]} to ${values.at(-1)}, largest ${Math.max(...values)}`;
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={title}
      className="inline-block text-sky-600 dark:text-sky-400"
    >
      <title>{title}</title>
      <polyline
        points={sparklinePoints(values)}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}
