import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { brokerPath } from "@/lib/paths";

export type BrokerTab = "overview" | "configs";

/** Tabs as links (`?tab=`), so each tab has an address and the back button works. */
export function BrokerTabs({
  cluster,
  nodeId,
  current,
}: {
  cluster: string;
  nodeId: number;
  current: BrokerTab;
}) {
  const tabs: [BrokerTab, string][] = [
    ["overview", "Overview"],
    ["configs", "Configs"],
  ];
  return (
    <nav
      aria-label="Broker sections"
      className="mb-4 flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
    >
      {tabs.map(([tab, label]) => (
        <Link
          key={tab}
          href={brokerPath(cluster, nodeId, tab === "configs" ? "configs" : undefined)}
          aria-current={tab === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:ring-2 focus-visible:ring-sky-600/40 focus-visible:outline-none",
            tab === current
              ? "border-zinc-900 text-zinc-900 dark:border-zinc-100 dark:text-zinc-100"
              : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
          )}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
