// GET /api/v1/audit?format=ndjson|csv&actor=&action=&target=&outcome=&from=&to= – export the audit trail (admin)
import { parseAuditFilters } from "@/lib/queries/audit";
import { apiError } from "@/lib/api-errors";
import { guardedRoute, queryAudit, recordAudit } from "@/lib/server/auth";
import type { AuditQuery } from "@/lib/server/store/types";
import {
  csvEvent,
  csvHeader,
  EXPORT_FORMATS,
  exportFileName,
  isExportFormat,
  ndjsonEvent,
} from "./export-format";

export const dynamic = "force-dynamic";

/** Events per store query while streaming; the export itself has no cap. */
const BATCH = 500;

/** Newest first, one batch per pull, so a long trail never sits in memory whole. */
function exportStream(
  query: Omit<AuditQuery, "limit">,
  format: "ndjson" | "csv",
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let before = query.before;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      const page = await queryAudit({ ...query, before, limit: BATCH });
      let chunk = format === "csv" && !started ? csvHeader() : "";
      started = true;
      for (const event of page.events) chunk += format === "csv" ? csvEvent(event) : ndjsonEvent(event);
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (page.nextBefore === null) controller.close();
      else before = page.nextBefore;
    },
  });
}

export const GET = guardedRoute({ permission: "audit.view" }, async (request, { principal }) => {
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "ndjson";
  if (!isExportFormat(format)) {
    return apiError(400, "BAD_FORMAT", `Unknown export format "${format}"; use ndjson or csv.`);
  }
  const { query, problems } = parseAuditFilters(params);
  if (problems.length > 0) return apiError(400, "BAD_FILTER", problems.join(" "));

  // Who took a copy of the trail, and of which part, is itself worth a record.
  await recordAudit({
    actor: principal.actor,
    action: "audit.export",
    outcome: "success",
    details: { format, ...query },
  });
  return new Response(exportStream(query, format), {
    headers: {
      "Content-Type": EXPORT_FORMATS[format].contentType,
      "Content-Disposition": `attachment; filename="${exportFileName(format, new Date())}"`,
      "Cache-Control": "no-store",
    },
  });
});
