import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getPrincipal } from "@/lib/server/auth";
import { consolePath } from "@/lib/paths";

// Rendered by forbidden() (requirePagePermission), with status 403.
export default async function Forbidden() {
  const principal = await getPrincipal();
  const who = principal
    ? `You are signed in as ${principal.actor.replace(/^user:/, "")} with the role ${principal.role}. `
    : "";
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <EmptyState
        headingLevel="h1"
        title="You don't have access to this page"
        description={`${who}Ask an admin if you need a higher role.`}
      >
        <Link href={consolePath()} className={buttonClassName("primary")}>
          Back to the overview
        </Link>
      </EmptyState>
    </main>
  );
}
