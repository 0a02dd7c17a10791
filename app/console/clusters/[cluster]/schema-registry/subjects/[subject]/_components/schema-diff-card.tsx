import { Card, CardHeader } from "@/components/ui/card";
import { buttonClassName } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/field";
import { schemaSubjectPath } from "@/lib/paths";

import { RegistryProblem } from "@/components/schema-registry/registry-problem";
import { SchemaDiffView } from "@/components/schema-registry/schema-diff-view";

/**
 * Two versions chosen in a plain GET form (the address keeps them: ?from=&to=), and the line diff
 * of their formatted schemas.
 */
type Problem = { title: string; hint: string; code?: string };
type Side =
  | { ok: true; data: { version: number; schemaType: "AVRO" | "JSON" | "PROTOBUF"; schema: string } }
  | { ok: false; problem?: Problem };

export function SchemaDiffCard({
  cluster,
  subject,
  versions,
  chosen,
  before,
  after,
  selected,
}: {
  cluster: string;
  subject: string;
  versions: number[];
  /** The two versions the address names, when both exist; the page read them. */
  chosen?: { from: number; to: number };
  before?: Side;
  after?: Side;
  selected?: number;
}) {
  const defaultFrom = chosen?.from ?? versions.at(-2) ?? versions[0];
  const defaultTo = chosen?.to ?? versions.at(-1);
  return (
    <Card aria-labelledby="diff-title">
      <CardHeader titleId="diff-title" title="Compare versions" />
      <div className="space-y-4 p-5">
        <form
          action={schemaSubjectPath(cluster, subject)}
          method="get"
          className="flex flex-wrap items-end gap-3"
        >
          {selected && <input type="hidden" name="version" value={selected} />}
          <VersionSelect name="from" label="From version" versions={versions} value={defaultFrom} />
          <VersionSelect name="to" label="To version" versions={versions} value={defaultTo} />
          <button type="submit" className={buttonClassName()}>
            Show diff
          </button>
        </form>
        {before && !before.ok && before.problem && (
          <RegistryProblem
            heading={`The registry could not read version ${chosen?.from}`}
            problem={before.problem}
          />
        )}
        {after && !after.ok && after.problem && (
          <RegistryProblem
            heading={`The registry could not read version ${chosen?.to}`}
            problem={after.problem}
          />
        )}
        {before?.ok && after?.ok && <SchemaDiffView from={before.data} to={after.data} />}
      </div>
    </Card>
  );
}

function VersionSelect({
  name,
  label,
  versions,
  value,
}: {
  name: string;
  label: string;
  versions: number[];
  value?: number;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select name={name} defaultValue={value} className={inputClassName}>
        {versions.map((version) => (
          <option key={version} value={version}>
            {version}
          </option>
        ))}
      </select>
    </label>
  );
}
