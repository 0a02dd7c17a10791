import type { ApiVersionRange } from "@/lib/schemas/cluster";
import { ChevronRightIcon } from "@/components/ui/icons";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

/** The API versions the broker supports: long and rarely needed, so collapsed by default. */
export function ApiVersionsTable({ apiVersions }: { apiVersions: ApiVersionRange[] }) {
  const sorted = [...apiVersions].sort((a, b) => a.apiKey - b.apiKey);
  return (
    <details className="group rounded-lg border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-5 py-4 select-none [&::-webkit-details-marker]:hidden">
        <ChevronRightIcon className="size-4 text-zinc-500 transition-transform group-open:rotate-90" />
        <span className="text-base font-semibold">API versions</span>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {sorted.length} {sorted.length === 1 ? "API" : "APIs"} supported by the broker
        </span>
      </summary>
      <div className="border-t border-zinc-200 dark:border-zinc-800">
        <Table aria-label="API versions">
          <TableHead>
            <tr>
              <TableHeaderCell>API</TableHeaderCell>
              <TableHeaderCell className="text-right">Key</TableHeaderCell>
              <TableHeaderCell className="text-right">Versions</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {sorted.map((api) => (
              <tr key={api.apiKey}>
                <TableCell className="py-1.5 font-mono text-xs">{api.name}</TableCell>
                <TableCell className="py-1.5 text-right tabular-nums">{api.apiKey}</TableCell>
                <TableCell className="py-1.5 text-right tabular-nums">
                  {api.minVersion}–{api.maxVersion}
                </TableCell>
              </tr>
            ))}
          </TableBody>
        </Table>
      </div>
    </details>
  );
}
