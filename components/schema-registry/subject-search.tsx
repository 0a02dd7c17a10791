"use client";

import { useEffect, useRef, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { TextInput } from "@/components/ui/field";

const DEBOUNCE_MS = 250;

/** The subject name filter, kept in the URL (`?q=`) so a list can be shared. */
export function SubjectSearch() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const navigate = (q: string) => {
    const next = new URLSearchParams(params);
    if (q.trim()) next.set("q", q.trim());
    else next.delete("q");
    // Another search starts at the first page.
    next.delete("page");
    const search = next.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };

  return (
    <div role="search">
      <TextInput
        type="search"
        aria-label="Search subjects"
        placeholder="Search subjects by name"
        className="w-full sm:w-80"
        value={query}
        autoComplete="off"
        spellCheck={false}
        maxLength={255}
        onChange={(event) => {
          const value = event.target.value;
          setQuery(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => navigate(value), DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          clearTimeout(timer.current);
          navigate(query);
        }}
      />
    </div>
  );
}
