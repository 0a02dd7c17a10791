import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { consolePath } from "@/lib/paths";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <EmptyState headingLevel="h1" title="Page not found" description="There is nothing at this address.">
        <Link href={consolePath()} className={buttonClassName("primary")}>
          Go to the overview
        </Link>
      </EmptyState>
    </main>
  );
}
