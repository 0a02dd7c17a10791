"use client";

import { PATTERN_TYPES, type AclPatternType } from "@/lib/acl/types";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";

export interface NamePattern {
  name: string;
  patternType: AclPatternType;
}

export const emptyNamePattern = (): NamePattern => ({ name: "", patternType: "LITERAL" });

/** Rows of a resource name and its pattern ("Topic 1", "Topic pattern 1", …), with add and remove. */
export function NamePatternRows({
  noun,
  rows,
  onChange,
}: {
  noun: string;
  rows: NamePattern[];
  onChange: (rows: NamePattern[]) => void;
}) {
  const update = (index: number, change: Partial<NamePattern>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{noun}s</legend>
      {rows.map((row, index) => (
        <div key={index} className="flex flex-wrap items-center gap-2">
          <TextInput
            aria-label={`${noun} ${index + 1}`}
            placeholder={`${noun.toLowerCase()} name`}
            value={row.name}
            onChange={(event) => update(index, { name: event.target.value })}
            className="min-w-0 flex-1"
          />
          <Select
            aria-label={`${noun} pattern ${index + 1}`}
            value={row.patternType}
            onChange={(event) => update(index, { patternType: event.target.value as AclPatternType })}
          >
            {PATTERN_TYPES.map((pattern) => (
              <option key={pattern} value={pattern}>
                {pattern === "LITERAL" ? "Exact name (LITERAL)" : "Prefix (PREFIXED)"}
              </option>
            ))}
          </Select>
          {rows.length > 1 && (
            <Button
              variant="ghost"
              aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              Remove
            </Button>
          )}
        </div>
      ))}
      <Button variant="ghost" onClick={() => onChange([...rows, emptyNamePattern()])}>
        Add {noun.toLowerCase()}
      </Button>
    </fieldset>
  );
}
