import type { ComponentType, SVGProps } from "react";
import { CertificateIcon, GroupsIcon, OverviewIcon, ShieldIcon, TopicsIcon } from "@/components/ui/icons";

export interface NavItem {
  href: string;
  label: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Active only on this exact path, not on the pages below it. */
  exact?: boolean;
}

export interface NavSection {
  heading?: string;
  items: NavItem[];
}

export const navSections: NavSection[] = [
  {
    items: [
      { href: "/console", label: "Overview", Icon: OverviewIcon, exact: true },
      { href: "/console/topics", label: "Topics", Icon: TopicsIcon },
      { href: "/console/groups", label: "Consumer groups", Icon: GroupsIcon },
    ],
  },
  { heading: "Security", items: [{ href: "/console/security/acls", label: "ACLs", Icon: ShieldIcon }] },
  {
    heading: "Tools",
    items: [{ href: "/tools/certificates", label: "Certificates", Icon: CertificateIcon }],
  },
];

export function isNavItemActive(item: Pick<NavItem, "href" | "exact">, pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === item.href) return true;
  return !item.exact && path.startsWith(`${item.href}/`);
}
