"use client";

import { useId } from "react";

interface ValueFormatFieldProps {
  valueFormat: "text" | "json";
  onChange: (format: "text" | "json") => void;
  /** Hidden while a value schema is chosen: the value is then JSON. */
  hidden: boolean;
}

/** Text or JSON for a value sent without a schema. */
export function ValueFormatField({ valueFormat, onChange, hidden }: ValueFormatFieldProps) {
  const formatId = useId();
  return (
    <fieldset className="space-y-1" hidden={hidden}>
      <legend className="text-sm font-medium">Value format</legend>
      <div className="flex gap-4 text-sm" role="radiogroup" aria-describedby={formatId}>
        {(["text", "json"] as const).map((format) => (
          <label key={format} className="flex items-center gap-2">
            <input
              type="radio"
              name="valueFormat"
              value={format}
              checked={valueFormat === format}
              onChange={() => onChange(format)}
            />
            {format === "text" ? "Text" : "JSON"}
          </label>
        ))}
      </div>
      <p id={formatId} className="text-xs text-zinc-500 dark:text-zinc-400">
        JSON is checked as you type and sent exactly as written (UTF-8).
      </p>
    </fieldset>
  );
}
