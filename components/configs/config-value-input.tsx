"use client";

import { Select, TextInput } from "@/components/ui/field";
import type { ConfigType } from "@/lib/schemas/configs";

const NUMERIC: ConfigType[] = ["int", "short", "long", "double"];

/** A new value for one config, by its type: true/false for booleans, numeric keyboards for numbers. */
export function ConfigValueInput({
  name,
  type,
  sensitive,
  value,
  error,
  onChange,
}: {
  name: string;
  type: ConfigType;
  sensitive: boolean;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  const errorId = `config-error-${name}`;
  const common = {
    "aria-label": `New value of ${name}`,
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": error ? errorId : undefined,
    className: "w-full min-w-40 font-mono",
  };
  return (
    <div>
      {type === "boolean" ? (
        <Select {...common} value={value.toLowerCase()} onChange={(event) => onChange(event.target.value)}>
          <option value="true">true</option>
          <option value="false">false</option>
        </Select>
      ) : (
        <TextInput
          {...common}
          type={sensitive || type === "password" ? "password" : "text"}
          autoComplete="off"
          inputMode={NUMERIC.includes(type) ? (type === "double" ? "decimal" : "numeric") : undefined}
          placeholder={type === "list" ? "comma,separated" : undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error && (
        <p id={errorId} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
