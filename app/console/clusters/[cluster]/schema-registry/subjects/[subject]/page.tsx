import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { z } from "zod";

import { CompatibilityCard } from "@/components/schema-registry/compatibility-card";
import { DeleteSchemaControls } from "@/components/schema-registry/delete-schema-controls";
import { RegisterSchemaForm } from "@/components/schema-registry/register-schema-form";
import { RegistryProblem } from "@/components/schema-registry/registry-problem";

import { SchemaFacts } from "@/components/schema-registry/schema-facts";
import { SchemaTextView } from "@/components/schema-registry/schema-text-view";
import { SubjectTopicLink } from "@/components/schema-registry/subject-topic-link";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { schemaSubjectPath, schemaSubjectsPath } from "@/lib/paths";
import { requirePagePermission } from "@/lib/server/auth";
import {
  appliedCompatibility,
  registryMode,
  subjectVersion,
  subjectVersions,
} from "@/lib/server/schema-registry/browse";
import { formatSchema } from "@/lib/schema-registry/schema-text";
import { topicForSubject } from "@/lib/server/schema-registry/topic-subjects";

import { clusterOf, type ClusterParams } from "../../../_lib/cluster-param";
import { SchemaDiffCard } from "./_components/schema-diff-card";

export const dynamic = "force-dynamic";

type Params = Promise<{ cluster: string; subject: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const subjectOf = (segment: string) => (segment.includes("%") ? decodeURIComponent(segment) : segment);
const versionNumber = z.coerce.number().int().min(1).optional().catch(undefined);
/** The address's version and diff; a hand-edited value falls back to the latest and no diff. */
const selectionSchema = z.object({ version: versionNumber, from: versionNumber, to: versionNumber });

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: subjectOf((await params).subject) };
}

export default async function SubjectPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { role } = await requirePagePermission("schema.view");
  const cluster = await clusterOf(params as ClusterParams);
  const subject = subjectOf((await params).subject);
  const selection = selectionSchema.parse(await searchParams);
  const header = (
    <PageHeader
      title={subject}
      description={
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <Link className="text-sky-700 underline dark:text-sky-400" href={schemaSubjectsPath(cluster)}>
            ← Subjects of {cluster}&apos;s schema registry
          </Link>
          {/* TopicNameStrategy's topic; the cluster answers on its own time, the header never waits. */}
          <Suspense fallback={null}>
            <SubjectTopicLink cluster={cluster} topic={topicForSubject(cluster, subject)} />
          </Suspense>
        </span>
      }
    />
  );
  const [listed, level, mode] = await Promise.all([
    subjectVersions(cluster, subject),
    appliedCompatibility(cluster, subject),
    registryMode(cluster, subject),
  ]);
  if (!listed.ok) {
    return (
      <>
        {header}
        {"problem" in listed ? (
          <RegistryProblem
            heading="The registry could not list this subject's versions"
            problem={listed.problem}
          />
        ) : (
          <p>This cluster has no schema registry configured.</p>
        )}
      </>
    );
  }
  const { versions, deleted } = listed.data;
  const all = [...versions, ...deleted].sort((a, b) => a - b);
  const chosen =
    selection.version && all.includes(selection.version)
      ? selection.version
      : (versions.at(-1) ?? all.at(-1));
  const compared =
    selection.from && selection.to && all.includes(selection.from) && all.includes(selection.to)
      ? { from: selection.from, to: selection.to }
      : undefined;
  const [current, before, after] = await Promise.all([
    chosen ? subjectVersion(cluster, subject, chosen) : undefined,
    compared && subjectVersion(cluster, subject, compared.from),
    compared && subjectVersion(cluster, subject, compared.to),
  ]);

  return (
    <>
      {header}
      <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
        <Card aria-labelledby="versions-title" className="self-start">
          <CardHeader titleId="versions-title" title="Versions" />
          <ul aria-labelledby="versions-title" className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {all.map((version) => (
              <li key={version}>
                <Link
                  href={schemaSubjectPath(cluster, subject, { version })}
                  aria-current={version === chosen ? "page" : undefined}
                  className="flex items-center justify-between px-5 py-2 text-sm hover:bg-zinc-50 aria-[current=page]:bg-sky-50 aria-[current=page]:font-semibold dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-sky-950"
                >
                  Version {version}
                  {deleted.includes(version) && <Badge tone="warning">soft-deleted</Badge>}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
        <div className="min-w-0 space-y-6">
          {current && !current.ok && "problem" in current && (
            <RegistryProblem
              heading={`The registry could not read version ${chosen}`}
              problem={current.problem}
            />
          )}
          {current?.ok && (
            <Card aria-labelledby="version-title">
              <CardHeader
                titleId="version-title"
                title={`Version ${current.data.version}`}
                description={deleted.includes(current.data.version) ? "Soft-deleted" : undefined}
              />
              <div className="space-y-4 p-5">
                <SchemaFacts cluster={cluster} schema={current.data} />
                <SchemaTextView
                  schemaType={current.data.schemaType}
                  schema={current.data.schema}
                  label={`Schema of version ${current.data.version}`}
                />
              </div>
            </Card>
          )}
          <CompatibilityCard
            cluster={cluster}
            subject={subject}
            level={level}
            mode={mode}
            canConfigure={can(role, "schema.config")}
          />
          {all.length > 1 && (
            <SchemaDiffCard
              cluster={cluster}
              subject={subject}
              versions={all}
              chosen={compared}
              before={before}
              after={after}
              selected={chosen}
            />
          )}
          {can(role, "schema.register") && (
            <Card aria-labelledby="register-title">
              <CardHeader
                titleId="register-title"
                title="Register a new version"
                description="Check compatibility first: the registry's answer shows here before anything is registered."
              />
              <RegisterSchemaForm
                cluster={cluster}
                subject={subject}
                level={level.ok ? level.data.compatibility : "the level that applies"}
                initial={{
                  schemaType: current?.ok ? current.data.schemaType : "AVRO",
                  schema: current?.ok ? formatSchema(current.data.schemaType, current.data.schema) : "",
                  references:
                    current?.ok && current.data.references.length
                      ? JSON.stringify(current.data.references)
                      : "",
                }}
              />
            </Card>
          )}
          {can(role, "schema.delete") && (
            <Card aria-labelledby="danger-title" className="border-red-300 dark:border-red-900">
              <CardHeader
                titleId="danger-title"
                title="Danger zone"
                description="A soft delete hides a version or the subject; a hard delete, after it, removes it for good."
              />
              <DeleteSchemaControls
                cluster={cluster}
                subject={subject}
                liveVersions={versions}
                deletedVersions={deleted}
                selected={
                  current?.ok
                    ? {
                        version: current.data.version,
                        id: current.data.id,
                        softDeleted: deleted.includes(current.data.version),
                      }
                    : undefined
                }
              />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
