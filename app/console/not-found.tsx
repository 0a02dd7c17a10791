import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { consolePath } from "@/lib/paths";

// For notFound() inside the console (a missing topic or group): keeps the shell around the message.
export default function ConsoleNotFound() {
  return (
    <EmptyState
      headingLevel="h1"
      title="Not found"
      description="There is nothing at this address in the console."
    >
      <Link href={consolePath()} className={buttonClassName("primary")}>
        Go to the overview
      </Link>
    </EmptyState>
  );
}
