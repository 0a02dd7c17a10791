import type { ComponentType, SVGProps } from "react";
import { can, type Permission } from "@/lib/permissions";
import type { Role } from "@/lib/schemas/auth";
import {
  AuditIcon,
  CertificateIcon,
  GroupsIcon,
  KeyIcon,
  OverviewIcon,
  ShieldIcon,
  TopicsIcon,
  UserIcon,
} from "@/components/ui/icons";

export interface NavItem {
  href: string;
  label: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Active only on this exact path, not on the pages below it. */
  exact?: boolean;
  /** Shown only to roles with this permission. Hiding is a courtesy; every page checks it itself. */
  permission?: Permission;
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
    items: [
      { href: "/tools/certificates", label: "Certificates", Icon: CertificateIcon },
      // Public, outside the shell: the CA certificates and the CRL.
      { href: "/tools/ca", label: "CA and CRL", Icon: KeyIcon },
    ],
  },
  {
    heading: "Admin",
    items: [
      { href: "/console/audit", label: "Audit", Icon: AuditIcon, permission: "audit.view" },
      { href: "/console/admin/users", label: "Users", Icon: UserIcon, permission: "user.manage" },
      { href: "/console/admin/tokens", label: "API tokens", Icon: KeyIcon, permission: "token.manage" },
    ],
  },
];

/** The items a role may see, in the sections that keep any; without a role (no session), the unrestricted ones. */
export function navSectionsFor(role: Role | undefined): NavSection[] {
  return navSections
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => !item.permission || can(role, item.permission)),
    }))
    .filter((section) => section.items.length > 0);
}

export function isNavItemActive(item: Pick<NavItem, "href" | "exact">, pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === item.href) return true;
  return !item.exact && path.startsWith(`${item.href}/`);
}
