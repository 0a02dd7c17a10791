"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export interface TabItem {
  id: string;
  label: string;
  /** Shown after the label (a count), part of the tab's name. */
  badge?: ReactNode;
  panel: ReactNode;
}

/**
 * WAI-ARIA tabs: one tab stop, arrow keys (and Home/End) move between tabs and select them. Every
 * panel stays mounted, so switching tabs never loses what was typed in a form.
 */
export function Tabs({
  items,
  label,
  className,
  selected: controlled,
  onSelect,
}: {
  items: TabItem[];
  label: string;
  className?: string;
  /** Controlled: the selected tab's id (e.g. from the URL), changed through onSelect. */
  selected?: string;
  onSelect?: (id: string) => void;
}) {
  const baseId = useId();
  const [uncontrolled, setUncontrolled] = useState(items[0]?.id ?? "");
  const selected = controlled ?? uncontrolled;
  const setSelected = (id: string) => {
    setUncontrolled(id);
    onSelect?.(id);
  };
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = items.length - 1;
    const next =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const item = items[next];
    if (item) setSelected(item.id);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className={className}>
      <div
        role="tablist"
        aria-label={label}
        className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
      >
        {items.map((item, index) => {
          const active = item.id === selected;
          return (
            <button
              key={item.id}
              ref={(element) => {
                tabRefs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${item.id}`}
              aria-selected={active}
              aria-controls={`${baseId}-panel-${item.id}`}
              tabIndex={active ? 0 : -1}
              onClick={() => setSelected(item.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={cn(
                "-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium focus-visible:ring-2 focus-visible:ring-sky-600/40 focus-visible:outline-none",
                active
                  ? "border-zinc-900 text-zinc-900 dark:border-zinc-100 dark:text-zinc-100"
                  : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
              )}
            >
              {item.label}
              {item.badge && <> {item.badge}</>}
            </button>
          );
        })}
      </div>
      {items.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={`${baseId}-panel-${item.id}`}
          aria-labelledby={`${baseId}-tab-${item.id}`}
          hidden={item.id !== selected}
          tabIndex={0}
          className="pt-4 focus-visible:outline-none"
        >
          {item.panel}
        </div>
      ))}
    </div>
  );
}
