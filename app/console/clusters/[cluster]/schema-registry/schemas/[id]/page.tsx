import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { RegistryProblem } from "@/components/schema-registry/registry-problem";
import { SchemaFacts } from "@/components/schema-registry/schema-facts";
import { SchemaTextView } from "@/components/schema-registry/schema-text-view";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { schemaSubjectPath, schemaSubjectsPath } from "@/lib/paths";
import { schemaIdParamSchema } from "@/lib/schemas/schema-registry-evolve";
import { requirePagePermission } from "@/lib/server/auth";
import { schemaWithUsages } from "@/lib/server/schema-registry/browse";

import { clusterOf, type ClusterParams } from "../../../_lib/cluster-param";

export const dynamic = "force-dynamic";

type Params = Promise<{ cluster: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Schema ${(await params).id}` };
}

/** A schema by its registry id (the id records carry), and the subjects and versions that use it. */
export default async function SchemaByIdPage({ params }: { params: Params }) {
  await requirePagePermission("schema.view");
  const cluster = await clusterOf(params as ClusterParams);
  const id = schemaIdParamSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const header = (
    <PageHeader
      title={`Schema ${id.data}`}
      description={
        <Link className="text-sky-700 underline dark:text-sky-400" href={schemaSubjectsPath(cluster)}>
          ← Subjects of {cluster}&apos;s schema registry
        </Link>
      }
    />
  );
  const result = await schemaWithUsages(cluster, id.data);
  if (!result.ok) {
    return (
      <>
        {header}
        {"problem" in result ? (
          <RegistryProblem
            heading={`The registry could not read schema ${id.data}`}
            problem={result.problem}
          />
        ) : (
          <p>This cluster has no schema registry configured.</p>
        )}
      </>
    );
  }
  const schema = result.data;
  return (
    <>
      {header}
      <div className="space-y-6">
        <Card aria-labelledby="used-by-title">
          <CardHeader
            titleId="used-by-title"
            title="Used by"
            description="The subjects and versions registered with this schema."
          />
          {schema.usedBy.length === 0 ? (
            <p className="p-5 text-sm">No live subject version uses it (its versions may be soft-deleted).</p>
          ) : (
            <Table aria-labelledby="used-by-title">
              <TableHead>
                <tr>
                  <TableHeaderCell>Subject</TableHeaderCell>
                  <TableHeaderCell>Version</TableHeaderCell>
                </tr>
              </TableHead>
              <TableBody>
                {schema.usedBy.map(({ subject, version }) => (
                  <tr key={`${subject}:${version}`}>
                    <TableCell className="font-mono text-sm break-all">
                      <Link
                        className="text-sky-700 underline dark:text-sky-400"
                        href={schemaSubjectPath(cluster, subject)}
                      >
                        {subject}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <Link
                        className="text-sky-700 underline dark:text-sky-400"
                        href={schemaSubjectPath(cluster, subject, { version })}
                      >
                        Version {version}
                      </Link>
                    </TableCell>
                  </tr>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
        <Card aria-labelledby="schema-title">
          <CardHeader titleId="schema-title" title="Schema" />
          <div className="space-y-4 p-5">
            <SchemaFacts cluster={cluster} schema={schema} linkId={false} />
            <SchemaTextView
              schemaType={schema.schemaType}
              schema={schema.schema}
              label={`Schema ${schema.id}`}
            />
          </div>
        </Card>
      </div>
    </>
  );
}
