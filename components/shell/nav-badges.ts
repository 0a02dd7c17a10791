"use client";

import { useEffect, useSyncExternalStore } from "react";

// Counts a page or layout publishes for a sidebar item (the ACL page's lint errors), by the item's
// href: the sidebar renders in the shell, the figures come from the server below it.
export interface NavBadge {
  count: number;
  /** What is counted, singular, for the accessible name: "lint error" ("s" added for other counts). */
  noun: string;
}

const badges = new Map<string, NavBadge>();
/** Hrefs whose page is showing and publishing its own, fresher count: the layout's cached one waits. */
const pinned = new Set<string>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setNavBadge(href: string, badge: NavBadge | undefined): void {
  const current = badges.get(href);
  if (current?.count === badge?.count && current?.noun === badge?.noun) return;
  if (badge) badges.set(href, badge);
  else badges.delete(href);
  for (const listener of listeners) listener();
}

export function useNavBadge(href: string): NavBadge | undefined {
  return useSyncExternalStore(
    subscribe,
    () => badges.get(href),
    () => undefined,
  );
}

/**
 * Renders nothing: hands a count to the sidebar item with this href. `pin` (the page the count is
 * about) wins over unpinned publishers (the layout's cached count) while it is mounted.
 */
export function PublishNavBadge({
  href,
  count,
  noun,
  pin = false,
}: {
  href: string;
  count: number;
  noun: string;
  pin?: boolean;
}) {
  useEffect(() => {
    if (!pin && pinned.has(href)) return;
    if (pin) pinned.add(href);
    setNavBadge(href, { count, noun });
    return () => {
      if (pin) pinned.delete(href);
    };
  }, [href, count, noun, pin]);
  return null;
}
