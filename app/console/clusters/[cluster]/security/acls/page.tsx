import type { Metadata } from "next";
import Link from "next/link";
import { lintAcls } from "@/lib/acl/lint";
import { flagsByPrincipal } from "@/lib/acl/lint-before-create";
import { whoCan } from "@/lib/acl/matcher";
import { aclsPath, scramUsersPath, type AclTab } from "@/lib/paths";
import { can } from "@/lib/permissions";
import { requirePagePermission } from "@/lib/server/auth";
import {
  clusterCapabilities,
  listAcls,
  rememberAclLintErrorCount,
  unavailableReason,
} from "@/lib/server/kafka";
import { AclBindingsSection } from "@/components/acls/acl-bindings-section";
import { AclLintPanel } from "@/components/acls/acl-lint-panel";
import { AclsProblemPanel } from "@/components/acls/acls-problem-panel";
import { AclTabLink, AclTabs } from "@/components/acls/acl-tabs";
import { filtersFromSearchParams, parseResourceParam } from "@/components/acls/binding-filters";
import { CheckAccessForm } from "@/components/acls/check-access-form";
import { CreateAclsPanel } from "@/components/acls/create-acls-panel";
import { ResourceAccessView } from "@/components/acls/resource-access-view";
import { ResourcePicker } from "@/components/acls/resource-picker";
import { PublishNavBadge } from "@/components/shell/nav-badges";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { CapabilityUnavailable } from "@/components/cluster/capability-unavailable";
import { assumedSuperUsers, loadLintContext } from "./_lib/lint-context";
import { clusterOf, type ClusterParams } from "../../_lib/cluster-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "ACLs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AclsPage({
  params: routeParams,
  searchParams,
}: {
  params: ClusterParams;
  searchParams: SearchParams;
}) {
  const { role } = await requirePagePermission("acl.view");
  const cluster = await clusterOf(routeParams);
  const params = await searchParams;
  const principal = single(params.principal)?.trim() ?? "";
  const resource = parseResourceParam(single(params.resource));
  const isAdmin = can(role, "acl.create");
  const description = `Who may do what on ${cluster}: every binding the brokers' authorizer holds.`;
  const scramLink = can(role, "scramUser.manage") && (
    <Link href={scramUsersPath(cluster)} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
      SCRAM users →
    </Link>
  );
  const header = <PageHeader title="ACLs" description={description} actions={scramLink} />;

  const [capabilities, listed, lintContext] = await Promise.all([
    clusterCapabilities(cluster),
    listAcls(cluster),
    loadLintContext(cluster),
  ]);
  // A cluster without the ACL APIs (a gateway, KoP) gets an explanation, not the failed call's error.
  const aclsUnavailable = unavailableReason(capabilities, "acls");
  if (aclsUnavailable) {
    return (
      <>
        {header}
        <CapabilityUnavailable cluster={cluster} feature="ACLs" message={aclsUnavailable} />
      </>
    );
  }
  const changesUnavailable = unavailableReason(capabilities, "aclChanges");
  const canChange = isAdmin && !changesUnavailable;
  if (!listed.ok) {
    return (
      <>
        {header}
        <AclsProblemPanel cluster={cluster} problem={listed.problem} />
      </>
    );
  }
  const bindings = listed.data;
  const superUsers = assumedSuperUsers();
  const findings = lintAcls(bindings, lintContext);
  const errors = findings.filter((finding) => finding.severity === "error").length;
  // The sidebar's badge reads a cached count: what this page just linted is the current one.
  rememberAclLintErrorCount(cluster, errors);
  const errorsText = `${errors} lint ${errors === 1 ? "error" : "errors"}`;
  const fallback: AclTab = resource ? "resource" : "bindings";

  const bindingsPanel = (
    <div className="space-y-6">
      <Card id="bindings" aria-labelledby="acls-bindings-title">
        <CardHeader
          titleId="acls-bindings-title"
          title="Bindings"
          description={isAdmin ? changesUnavailable : "Creating and deleting bindings needs the admin role."}
        />
        <AclBindingsSection
          cluster={cluster}
          bindings={bindings}
          canDelete={canChange}
          initialFilters={filtersFromSearchParams(params)}
          findings={findings}
        />
      </Card>
      {canChange && (
        <Card id="create" aria-labelledby="acls-create-title">
          <CardHeader
            titleId="acls-create-title"
            title="Create bindings"
            description="Custom bindings or a preset; you see the exact bindings before anything is created."
          />
          <div className="px-5 py-4">
            <CreateAclsPanel
              initialPrincipal={principal}
              baseline={{
                cluster,
                existing: bindings,
                topics: lintContext.topics,
                groups: lintContext.groups,
              }}
            />
          </div>
        </Card>
      )}
    </div>
  );

  return (
    <>
      <PageHeader
        title="ACLs"
        description={description}
        actions={
          <>
            <AclTabLink tab="lint" href={aclsPath(cluster, { tab: "lint" })}>
              <Badge tone={errors > 0 ? "danger" : "success"}>{errorsText}</Badge>
            </AclTabLink>
            {scramLink}
          </>
        }
      />
      <PublishNavBadge href={aclsPath(cluster)} count={errors} noun="lint error" pin />
      <AclTabs
        fallback={fallback}
        badges={{
          bindings: <CountBadge>{bindings.length}</CountBadge>,
          lint: errors > 0 ? <CountBadge tone="danger">{errors}</CountBadge> : undefined,
        }}
        panels={{
          bindings: bindingsPanel,
          lint: (
            <Card id="lint" aria-labelledby="acls-lint-title">
              <CardHeader
                titleId="acls-lint-title"
                title="Lint"
                description={`${findings.length} ${findings.length === 1 ? "finding" : "findings"}, ${errorsText}`}
              />
              <AclLintPanel cluster={cluster} findings={findings} canCreate={canChange} />
            </Card>
          ),
          check: (
            <Card id="check-access" aria-labelledby="acls-check-title">
              <CardHeader
                titleId="acls-check-title"
                title="Check access"
                description="Would the broker let this client do this? Kafka's authorizer rules, applied to the cluster's bindings."
              />
              <div className="px-5 py-4">
                <CheckAccessForm bindings={bindings} superUsers={superUsers} initialPrincipal={principal} />
              </div>
            </Card>
          ),
          resource: (
            <Card id="by-resource" aria-labelledby="acls-by-resource-title">
              <CardHeader
                titleId="acls-by-resource-title"
                title={
                  resource
                    ? `Who may do what on ${resource.resourceType === "TOPIC" ? "topic" : "group"} ${resource.resourceName}`
                    : "Who may do what on a topic or group"
                }
              />
              <ResourcePicker key={single(params.resource)} cluster={cluster} initial={resource} />
              {resource && (
                <ResourceAccessView
                  cluster={cluster}
                  {...resource}
                  access={whoCan(bindings, resource)}
                  principalFlags={flagsByPrincipal(findings)}
                />
              )}
            </Card>
          ),
        }}
      />
    </>
  );
}

/** A tab's count: part of its name ("Lint 2"), visually a pill. */
function CountBadge({ tone, children }: { tone?: "danger"; children: number }) {
  return (
    <span
      className={
        tone === "danger"
          ? "rounded-full bg-red-600 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums dark:bg-red-500 dark:text-zinc-950"
          : "rounded-full bg-zinc-100 px-1.5 text-xs leading-5 text-zinc-700 tabular-nums dark:bg-zinc-800 dark:text-zinc-300"
      }
    >
      {children.toLocaleString("en")}
    </span>
  );
}
