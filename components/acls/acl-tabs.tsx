"use client";

import { useSearchParams } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";
import { ACL_TABS, type AclTab } from "@/lib/paths";
import { Tabs } from "@/components/ui/tabs";

const LABELS: Record<AclTab, string> = {
  bindings: "Bindings",
  lint: "Lint",
  check: "Check access",
  resource: "By resource",
};

const isAclTab = (value: string | null): value is AclTab => ACL_TABS.some((tab) => tab === value);

/** The tab the URL names, else the page's default. */
function useAclTab(fallback: AclTab): AclTab {
  const requested = useSearchParams().get("tab");
  return isAclTab(requested) ? requested : fallback;
}

/** Puts the tab in the address without asking the server again: every panel is already rendered. */
function selectAclTab(tab: AclTab) {
  const params = new URLSearchParams(window.location.search);
  params.set("tab", tab);
  window.history.replaceState(null, "", `${window.location.pathname}?${params}${window.location.hash}`);
}

/** The ACL page's parts side by side as tabs, the selected one in `?tab=` (deep links, reloads). */
export function AclTabs({
  panels,
  badges = {},
  fallback,
}: {
  panels: Record<AclTab, ReactNode>;
  badges?: Partial<Record<AclTab, ReactNode>>;
  /** Without ?tab=: Bindings, or By resource when the link names a resource. */
  fallback: AclTab;
}) {
  const selected = useAclTab(fallback);
  return (
    <Tabs
      label="ACL page sections"
      selected={selected}
      onSelect={(id) => {
        if (isAclTab(id)) selectAclTab(id);
      }}
      items={ACL_TABS.map((tab) => ({ id: tab, label: LABELS[tab], badge: badges[tab], panel: panels[tab] }))}
    />
  );
}

/** A link to another tab (the header's lint count): switches in place, and still works as a plain link. */
export function AclTabLink({ tab, href, children }: { tab: AclTab; href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      className="rounded-full focus-visible:ring-2 focus-visible:ring-sky-600/40 focus-visible:outline-none"
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        selectAclTab(tab);
      }}
    >
      {children}
    </a>
  );
}
