"use client";

import type { ComponentType, SVGProps } from "react";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";
import type { ThemePreference } from "./theme-store";
import { useThemePreference } from "./use-theme-preference";

const options: Array<{
  value: ThemePreference;
  label: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
}> = [
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
  { value: "system", label: "System", Icon: MonitorIcon },
];

/** Light, dark or follow the OS; the choice is remembered in this browser. */
export function ThemeToggle() {
  const [preference, setPreference] = useThemePreference();
  return (
    <div
      role="group"
      aria-label="Theme"
      className="inline-flex rounded-md border border-zinc-200 p-0.5 dark:border-zinc-800"
    >
      {options.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          aria-pressed={preference === value}
          title={`${label} theme`}
          onClick={() => setPreference(value)}
          className={cn(
            "rounded px-2 py-1",
            preference === value
              ? "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
              : "text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
          )}
        >
          <Icon />
          <span className="sr-only">{label}</span>
        </button>
      ))}
    </div>
  );
}
