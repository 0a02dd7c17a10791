"use client";

import { useState } from "react";
import { ChevronDownIcon, ChevronRightIcon } from "@/components/ui/icons";

/** Children shown before "show all", so a 100,000-element array opens instantly. */
const CHILD_LIMIT = 200;

/** A collapsible view of parsed JSON; every name and value is a text node. */
export function JsonTree({ value }: { value: unknown }) {
  return (
    <div className="overflow-x-auto font-mono text-xs leading-5" data-testid="json-tree">
      <JsonNode name={null} value={value} depth={0} />
    </div>
  );
}

function JsonNode({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const [open, setOpen] = useState(depth < 2);
  const [showAll, setShowAll] = useState(false);
  const label = name !== null && <span className="text-violet-700 dark:text-violet-300">{name}: </span>;
  if (value === null || typeof value !== "object")
    return (
      <div className="pl-4 break-all whitespace-pre-wrap">
        {label}
        <Primitive value={value} />
      </div>
    );
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  const [opening, closing] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  const shown = showAll ? entries : entries.slice(0, CHILD_LIMIT);
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="inline-flex items-center rounded text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        {open ? <ChevronDownIcon className="size-4" /> : <ChevronRightIcon className="size-4" />}
        {label}
        <span>
          {opening}
          {!open && (
            <span className="text-zinc-500">
              {" "}
              {entries.length} {Array.isArray(value) ? "items" : "keys"} {closing}
            </span>
          )}
        </span>
      </button>
      {open && (
        <div className="ml-2 border-l border-zinc-200 dark:border-zinc-800">
          {shown.map(([childName, child]) => (
            <JsonNode
              key={childName}
              name={Array.isArray(value) ? childName : JSON.stringify(childName)}
              value={child}
              depth={depth + 1}
            />
          ))}
          {shown.length < entries.length && (
            <button
              type="button"
              className="pl-4 text-sky-700 underline dark:text-sky-300"
              onClick={() => setShowAll(true)}
            >
              Show all {entries.length.toLocaleString("en")}
            </button>
          )}
        </div>
      )}
      {open && <div className="pl-4">{closing}</div>}
    </div>
  );
}

function Primitive({ value }: { value: unknown }) {
  if (typeof value === "string")
    return <span className="text-emerald-700 dark:text-emerald-300">{JSON.stringify(value)}</span>;
  if (typeof value === "number")
    return <span className="text-sky-700 dark:text-sky-300">{String(value)}</span>;
  if (typeof value === "boolean")
    return <span className="text-amber-700 dark:text-amber-300">{String(value)}</span>;
  return <span className="text-zinc-500">null</span>;
}
