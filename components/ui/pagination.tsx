import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

interface PaginationProps {
  total: number;
  page: number;
  pageSize: number;
  /** What is counted: ["topic", "topics"]. */
  noun: readonly [singular: string, plural: string];
  label: string;
  hrefFor: (page: number) => string;
}

/** Previous/next links with the range shown; the server renders only the current page. */
export function Pagination({ total, page, pageSize, noun, label, hrefFor }: PaginationProps) {
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = (target: number, text: string, enabled: boolean) =>
    enabled ? (
      <Link href={hrefFor(target)} className={buttonClassName("secondary")}>
        {text}
      </Link>
    ) : (
      <span
        aria-disabled="true"
        className={cn(buttonClassName("secondary"), "pointer-events-none opacity-50")}
      >
        {text}
      </span>
    );
  return (
    <nav
      aria-label={label}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 px-5 py-3 text-sm dark:border-zinc-800"
    >
      <p className="text-zinc-600 dark:text-zinc-400">
        {first.toLocaleString("en")}–{last.toLocaleString("en")} of {total.toLocaleString("en")}{" "}
        {total === 1 ? noun[0] : noun[1]} · page {page} of {lastPage}
      </p>
      <div className="flex gap-2">
        {link(page - 1, "Previous", page > 1)}
        {link(page + 1, "Next", page < lastPage)}
      </div>
    </nav>
  );
}
