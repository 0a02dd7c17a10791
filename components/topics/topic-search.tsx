"use client";

import { useEffect, useRef, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { TextInput } from "@/components/ui/field";

const DEBOUNCE_MS = 250;

/** The name filter and the internal-topics switch, kept in the URL (`?q=`, `?internal=1`) so a list can be shared. */
export function TopicSearch() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const internal = params.get("internal") === "1";

  useEffect(() => () => clearTimeout(timer.current), []);

  const navigate = (change: { q?: string; internal?: boolean }) => {
    const next = new URLSearchParams(params);
    if (change.q !== undefined) {
      if (change.q.trim()) next.set("q", change.q.trim());
      else next.delete("q");
    }
    if (change.internal !== undefined) {
      if (change.internal) next.set("internal", "1");
      else next.delete("internal");
    }
    // Another filter starts at the first page.
    next.delete("page");
    const search = next.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };

  return (
    <div className="flex flex-wrap items-center gap-4" role="search">
      <TextInput
        type="search"
        aria-label="Search topics"
        placeholder="Search topics by name"
        className="w-full sm:w-80"
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          const value = event.target.value;
          setQuery(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => navigate({ q: value }), DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          clearTimeout(timer.current);
          navigate({ q: query });
        }}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4"
          checked={internal}
          onChange={(event) => navigate({ internal: event.target.checked })}
        />
        Show internal topics
      </label>
    </div>
  );
}
