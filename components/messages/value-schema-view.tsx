"use client";

import Link from "next/link";
import type { WireRecord } from "@/lib/messages/events";
import { SCHEMA_FORMAT_LABELS } from "@/lib/messages/schema-value";
import { schemaByIdPath } from "@/lib/paths";

interface ValueSchemaViewProps {
  cluster: string;
  record: WireRecord;
  part: "value" | "key";
}

/**
 * How a value (or key) framed for a schema registry was read: format, subject and version, the
 * schema id (a link to the schema), the Protobuf message, and why it could not be decoded. All text.
 */
export function ValueSchemaView({ cluster, record, part }: ValueSchemaViewProps) {
  const schema = part === "key" ? record.keySchema : record.valueSchema;
  if (!schema) return null;
  const title = part === "key" ? "Key schema" : "Value schema";
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500">Format</dt>
        <dd>{schema.format ? SCHEMA_FORMAT_LABELS[schema.format] : "unknown"}</dd>
        {schema.subject && (
          <>
            <dt className="text-zinc-500">Subject</dt>
            <dd className="break-all">
              {schema.subject}, version {schema.version}
            </dd>
          </>
        )}
        <dt className="text-zinc-500">Schema id</dt>
        <dd>
          <Link
            className="text-blue-700 underline dark:text-blue-400"
            href={schemaByIdPath(cluster, schema.schemaId)}
          >
            {schema.schemaId}
          </Link>
        </dd>
        {schema.messageType && (
          <>
            <dt className="text-zinc-500">Message</dt>
            <dd className="break-all">{schema.messageType}</dd>
          </>
        )}
      </dl>
      {schema.error && (
        <p
          role={schema.json === undefined ? "alert" : "status"}
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          {schema.json === undefined ? "Not decoded: " : ""}
          {schema.error}
        </p>
      )}
    </section>
  );
}
