import type { ReactNode } from "react";

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  description: ReactNode;
  children?: ReactNode;
  /** h2 under a page heading; h1 when the empty state is the whole page. */
  headingLevel?: "h1" | "h2";
}

export function EmptyState({
  icon,
  title,
  description,
  children,
  headingLevel: Heading = "h2",
}: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-16 text-center dark:border-zinc-700 dark:bg-zinc-900">
      {icon && (
        <div className="mb-4 rounded-full bg-zinc-100 p-3 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">
          {icon}
        </div>
      )}
      <Heading className="text-base font-semibold">{title}</Heading>
      <p className="mt-1 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      {children && <div className="mt-6">{children}</div>}
    </div>
  );
}
