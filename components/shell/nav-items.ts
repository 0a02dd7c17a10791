import type { ComponentType, SVGProps } from "react";
import {
  aclsPath,
  apiTokensPath,
  auditPath,
  brokersPath,
  caPath,
  certificatesPath,
  clusterOverviewPath,
  clustersPath,
  consumerGroupsPath,
  quorumPath,
  quotasPath,
  schemaSubjectsPath,
  scramUsersPath,
  topicsPath,
  usersPath,
} from "@/lib/paths";
import { can, type Permission } from "@/lib/permissions";
import type { Role } from "@/lib/schemas/auth";
import {
  AuditIcon,
  BrokerIcon,
  ClustersIcon,
  CertificateIcon,
  GaugeIcon,
  GroupsIcon,
  KeyIcon,
  OverviewIcon,
  QuorumIcon,
  SchemaIcon,
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

/** The navigation for one cluster: its pages, then the tools and the admin pages every cluster shares. */
export function navSections(cluster: string): NavSection[] {
  return [
    {
      items: [
        { href: clustersPath(), label: "Clusters", Icon: ClustersIcon, exact: true },
        { href: clusterOverviewPath(cluster), label: "Overview", Icon: OverviewIcon, exact: true },
        { href: topicsPath(cluster), label: "Topics", Icon: TopicsIcon },
        { href: consumerGroupsPath(cluster), label: "Consumer groups", Icon: GroupsIcon },
        { href: brokersPath(cluster), label: "Brokers", Icon: BrokerIcon, permission: "broker.view" },
        { href: quorumPath(cluster), label: "Quorum", Icon: QuorumIcon, permission: "broker.view" },
        { href: schemaSubjectsPath(cluster), label: "Schema registry", Icon: SchemaIcon },
      ],
    },
    {
      heading: "Security",
      items: [
        { href: aclsPath(cluster), label: "ACLs", Icon: ShieldIcon },
        {
          href: scramUsersPath(cluster),
          label: "SCRAM users",
          Icon: UserIcon,
          permission: "scramUser.manage",
        },
        { href: quotasPath(cluster), label: "Quotas", Icon: GaugeIcon, permission: "quota.view" },
      ],
    },
    {
      heading: "Tools",
      items: [
        { href: certificatesPath(), label: "Certificates", Icon: CertificateIcon },
        // Public: the CA certificates and the CRL (in this shell when signed in, bare otherwise).
        { href: caPath(), label: "CA and CRL", Icon: KeyIcon },
      ],
    },
    {
      heading: "Admin",
      items: [
        { href: auditPath(), label: "Audit", Icon: AuditIcon, permission: "audit.view" },
        { href: usersPath(), label: "Users", Icon: UserIcon, permission: "user.manage" },
        { href: apiTokensPath(), label: "API tokens", Icon: KeyIcon, permission: "token.manage" },
      ],
    },
  ];
}

/** The items a role may see, in the sections that keep any; without a role (no session), the unrestricted ones. */
export function navSectionsFor(role: Role | undefined, cluster = ""): NavSection[] {
  return navSections(cluster)
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
