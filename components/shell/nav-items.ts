import type { ComponentType, SVGProps } from "react";
import { roleAtLeast, type Role } from "@/lib/schemas/auth";
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
}

export interface NavSection {
  heading?: string;
  items: NavItem[];
  /** Shown only to this role and above. Hiding is a courtesy; every page checks the role itself. */
  minRole?: Role;
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
    minRole: "admin",
    items: [
      { href: "/console/audit", label: "Audit", Icon: AuditIcon },
      { href: "/console/admin/users", label: "Users", Icon: UserIcon },
      { href: "/console/admin/tokens", label: "API tokens", Icon: KeyIcon },
    ],
  },
];

/** The sections a role may see; without a role (no session), only the unrestricted ones. */
export function navSectionsFor(role: Role | undefined): NavSection[] {
  return navSections.filter(
    (section) => !section.minRole || (role !== undefined && roleAtLeast(role, section.minRole)),
  );
}

export function isNavItemActive(item: Pick<NavItem, "href" | "exact">, pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === item.href) return true;
  return !item.exact && path.startsWith(`${item.href}/`);
}
