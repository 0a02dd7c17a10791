import {
  describeEntity,
  entityKind,
  QUOTA_KEY_LABELS,
  QUOTA_KEYS,
  type QuotaEntry,
} from "@/lib/schemas/quotas";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

import { formatQuotaValue } from "./quota-format";

const KIND_LABELS = {
  user: "User",
  "client-id": "Client id",
  "user+client-id": "User and client id",
  ip: "IP",
  other: "Other",
};

/** Every entity with a quota and its values; an "Edit" button per row for admins. */
export function QuotasTable({
  entries,
  onEdit,
}: {
  entries: QuotaEntry[];
  onEdit?: (entry: QuotaEntry) => void;
}) {
  if (entries.length === 0)
    return (
      <div className="p-5">
        <EmptyState
          title="No quotas"
          description="No user or client id is limited on this cluster: every client may produce, fetch and use request time as fast as the brokers allow."
        />
      </div>
    );
  const extraKeys = [...new Set(entries.flatMap((entry) => Object.keys(entry.values)))].filter(
    (key) => !(QUOTA_KEYS as readonly string[]).includes(key),
  );
  const keys = [...QUOTA_KEYS, ...extraKeys];
  return (
    <Table aria-label="Quotas">
      <TableHead>
        <tr>
          <TableHeaderCell>Entity</TableHeaderCell>
          <TableHeaderCell>Kind</TableHeaderCell>
          {keys.map((key) => (
            <TableHeaderCell key={key} title={key}>
              {QUOTA_KEY_LABELS[key as keyof typeof QUOTA_KEY_LABELS]?.label ?? key}
            </TableHeaderCell>
          ))}
          {onEdit && (
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          )}
        </tr>
      </TableHead>
      <TableBody>
        {entries.map((entry) => {
          const name = describeEntity(entry.entity);
          const kind = entityKind(entry.entity);
          return (
            <tr key={name}>
              <TableCell className="font-mono break-all">{name}</TableCell>
              <TableCell>{KIND_LABELS[kind]}</TableCell>
              {keys.map((key) => (
                <TableCell key={key} className="whitespace-nowrap tabular-nums">
                  {formatQuotaValue(key, entry.values[key])}
                </TableCell>
              ))}
              {onEdit && (
                <TableCell className="text-right">
                  {kind !== "ip" && kind !== "other" && (
                    <button
                      type="button"
                      className="text-sky-700 hover:underline dark:text-sky-400"
                      aria-label={`Edit ${name}`}
                      onClick={() => onEdit(entry)}
                    >
                      Edit
                    </button>
                  )}
                </TableCell>
              )}
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
