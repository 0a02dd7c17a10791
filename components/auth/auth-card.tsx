import type { ReactNode } from "react";
import { PRODUCT_NAME } from "@/components/shell/product";

interface AuthCardProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The frame of pages outside the console shell: sign-in and the forced password change. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-md bg-zinc-900 text-sm font-bold text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            K
          </span>
          <span>{PRODUCT_NAME}</span>
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white px-6 py-6 shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          {description && (
            <div className="mt-1 mb-5 text-sm text-zinc-600 dark:text-zinc-400">{description}</div>
          )}
          <div className={description ? undefined : "mt-5"}>{children}</div>
        </div>
        {footer && <div className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">{footer}</div>}
      </div>
    </main>
  );
}
