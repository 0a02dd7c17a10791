import type { Metadata } from "next";
import Link from "next/link";
import { auditSearchString, hasAuditFilters, parseAuditFilters } from "@/lib/queries/audit";
import { queryAudit, requirePagePermission } from "@/lib/server/auth";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage } from "@/components/ui/field";
import { AuditIcon, ChevronRightIcon, DownloadIcon } from "@/components/ui/icons";
import { auditPath } from "@/lib/paths";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Audit" };

const PAGE_SIZE = 50;
const TITLE_ID = "audit-events-title";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("audit.view");
  const { filters, query, problems } = parseAuditFilters(await searchParams);
  const page = await queryAudit({ ...query, limit: PAGE_SIZE });
  const filtered = hasAuditFilters(filters);
  const exportHref = (format: "ndjson" | "csv") => `/api/v1/audit${auditSearchString(filters, { format })}`;

  return (
    <>
      <PageHeader
        title="Audit"
        description="Sign-ins, sign-outs and every change, newest first. Repeated refusals from one source are one row at once, then one row a minute with their count. Times are UTC."
        actions={
          <>
            <a href={exportHref("ndjson")} className={buttonClassName()} download>
              <DownloadIcon />
              Export NDJSON
            </a>
            <a href={exportHref("csv")} className={buttonClassName()} download>
              <DownloadIcon />
              Export CSV
            </a>
          </>
        }
      />
      <div className="space-y-6">
        <AuditFiltersForm key={auditSearchString(filters)} filters={filters} action={auditPath()} />
        {problems.length > 0 && (
          <FormMessage tone="error">
            {problems.length === 1
              ? problems[0]
              : `${problems.length} filters were ignored: ${problems.join(" ")}`}
          </FormMessage>
        )}
        {page.events.length === 0 ? (
          <EmptyState
            icon={<AuditIcon className="size-6" />}
            title={query.before ? "No older events" : filtered ? "No matching events" : "No audit events yet"}
            description={
              query.before
                ? "This is the end of the trail for these filters."
                : filtered
                  ? "Nothing in the audit trail matches these filters. Widen the time range or clear a filter."
                  : "Sign-ins, sign-outs and changes appear here as they happen."
            }
          />
        ) : (
          <Card>
            <CardHeader
              title="Audit events"
              titleId={TITLE_ID}
              description={`${page.events.length} ${page.events.length === 1 ? "event" : "events"}${query.before ? ", older page" : ""}`}
            />
            <AuditTable events={page.events} titleId={TITLE_ID} />
          </Card>
        )}
        {(query.before !== undefined || page.nextBefore !== null) && (
          <nav aria-label="Audit pages" className="flex items-center justify-end gap-3">
            {query.before !== undefined && (
              <Link href={auditPath(auditSearchString(filters))} className={buttonClassName("ghost")}>
                Newest
              </Link>
            )}
            {page.nextBefore !== null && (
              <Link
                href={auditPath(auditSearchString(filters, { before: page.nextBefore }))}
                className={buttonClassName()}
              >
                Older
                <ChevronRightIcon />
              </Link>
            )}
          </nav>
        )}
      </div>
    </>
  );
}
