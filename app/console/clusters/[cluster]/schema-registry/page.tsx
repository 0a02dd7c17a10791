import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";

import { ProblemAlert } from "@/components/cluster/problem-alert";
import { CompatibilityCard } from "@/components/schema-registry/compatibility-card";
import { SubjectSearch } from "@/components/schema-registry/subject-search";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SchemaIcon } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { schemaSubjectPath, schemaSubjectsPath } from "@/lib/paths";
import { can } from "@/lib/permissions";
import { subjectListQuerySchema, type SubjectListQuery } from "@/lib/schemas/schema-registry";
import { requirePagePermission } from "@/lib/server/auth";
import { registryConnection } from "@/lib/server/schema-registry";
import { appliedCompatibility, registryMode } from "@/lib/server/schema-registry/browse";
import { listSubjectPage } from "@/lib/server/schema-registry/subjects";

import { clusterOf, type ClusterParams } from "../_lib/cluster-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Schema registry" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SchemaRegistryPage({
  params: routeParams,
  searchParams,
}: {
  params: ClusterParams;
  searchParams: SearchParams;
}) {
  const { role } = await requirePagePermission("schema.view");
  const cluster = await clusterOf(routeParams);
  const params = await searchParams;
  const parsed = subjectListQuerySchema.safeParse({ q: single(params.q), page: single(params.page) });
  // A hand-edited address falls back to the first page rather than an error.
  const query = parsed.success ? parsed.data : {};
  const connection = registryConnection(cluster);
  const header = (
    <PageHeader
      title="Schema registry"
      description={
        connection
          ? `The subjects of ${cluster}'s schema registry at ${new URL(connection.url).host}.`
          : `${cluster}'s schema registry.`
      }
    />
  );
  if (!connection) {
    return (
      <>
        {header}
        <EmptyState
          icon={<SchemaIcon className="size-6" />}
          title="No schema registry configured"
          description={`Add schemaRegistry (url, and auth or tls when needed) to the cluster "${cluster}" in the console's configuration; console.config.example.yaml shows every field.`}
        />
      </>
    );
  }
  const [level, mode] = await Promise.all([appliedCompatibility(cluster), registryMode(cluster)]);
  return (
    <>
      {header}
      <div className="mb-6">
        <CompatibilityCard
          cluster={cluster}
          level={level}
          mode={mode}
          canConfigure={can(role, "schema.config")}
        />
      </div>
      <Card aria-labelledby="subjects-title">
        <CardHeader titleId="subjects-title" title="Subjects" />
        <div className="border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
          <Suspense>
            <SubjectSearch />
          </Suspense>
        </div>
        {/* Keyed by the query: the search box stays while the next page loads below it. */}
        <Suspense key={JSON.stringify(query)} fallback={<SubjectListSkeleton />}>
          <SubjectList cluster={cluster} query={query} />
        </Suspense>
      </Card>
    </>
  );
}

function SubjectListSkeleton() {
  return (
    <div className="space-y-3 p-5">
      <p className="sr-only" role="status">
        Loading subjects…
      </p>
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} className="h-7 w-full" />
      ))}
    </div>
  );
}

/** Suspends while the registry answers, below the search box. */
async function SubjectList({ cluster, query }: { cluster: string; query: SubjectListQuery }) {
  const result = await listSubjectPage(cluster, query);
  if (!result.ok) {
    if ("notConfigured" in result) return null;
    const { title, hint, code } = result.problem;
    return (
      <div className="p-5">
        <ProblemAlert
          heading="The schema registry could not list its subjects"
          problem={{ kind: "broker", title, hint, code }}
        />
      </div>
    );
  }
  const { subjects, total, page, pageSize } = result.data;
  if (total === 0) {
    return (
      <div className="p-5">
        <EmptyState
          title={query.q ? "No subject matches" : "No subjects yet"}
          description={
            query.q
              ? `No subject name contains "${query.q}".`
              : "Producers register schemas under subjects (orders-value for the topic orders' values)."
          }
        />
      </div>
    );
  }
  return (
    <>
      <Table aria-label="Subjects">
        <TableHead>
          <tr>
            <TableHeaderCell>Subject</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {subjects.map((subject) => (
            <tr key={subject}>
              <TableCell className="font-mono text-sm break-all">
                <Link
                  className="text-sky-700 underline dark:text-sky-400"
                  href={schemaSubjectPath(cluster, subject)}
                >
                  {subject}
                </Link>
              </TableCell>
            </tr>
          ))}
        </TableBody>
      </Table>
      <Pagination
        total={total}
        page={page}
        pageSize={pageSize}
        noun={["subject", "subjects"]}
        label="Subject pages"
        hrefFor={(target) => schemaSubjectsPath(cluster, { q: query.q, page: target })}
      />
    </>
  );
}
