import Link from "next/link";

import { schemaByIdPath, schemaSubjectPath } from "@/lib/paths";

const TYPE_NAMES = { AVRO: "Avro", JSON: "JSON Schema", PROTOBUF: "Protobuf" } as const;

interface Facts {
  id: number;
  schemaType: keyof typeof TYPE_NAMES;
  references: { name: string; subject: string; version: number }[];
}

/** A schema's id (linked to its page, unless `linkId` is false), type and references (each linked to the version it names). */
export function SchemaFacts({
  cluster,
  schema,
  linkId = true,
}: {
  cluster: string;
  schema: Facts;
  linkId?: boolean;
}) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
      <dt className="text-zinc-500 dark:text-zinc-400">Schema id</dt>
      <dd className="font-mono">
        {linkId ? (
          <Link
            className="text-sky-700 underline dark:text-sky-400"
            href={schemaByIdPath(cluster, schema.id)}
          >
            {schema.id}
          </Link>
        ) : (
          schema.id
        )}
      </dd>
      <dt className="text-zinc-500 dark:text-zinc-400">Type</dt>
      <dd>{TYPE_NAMES[schema.schemaType]}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">References</dt>
      <dd>
        {schema.references.length === 0 ? (
          "None"
        ) : (
          <ul aria-label="References" className="space-y-1">
            {schema.references.map((reference) => (
              <li
                key={`${reference.name}:${reference.subject}:${reference.version}`}
                className="font-mono break-all"
              >
                {reference.name} →{" "}
                <Link
                  className="text-sky-700 underline dark:text-sky-400"
                  href={schemaSubjectPath(cluster, reference.subject, { version: reference.version })}
                >
                  {reference.subject} version {reference.version}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
