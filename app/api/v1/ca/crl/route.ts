// GET /api/v1/ca/crl?format=json|pem|der – the current certificate revocation list (viewer)
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { apiError } from "@/lib/api-errors";
import { CRL_CONTENT_TYPE, downloadResponse, PEM_CONTENT_TYPE } from "../../_lib/download";

export const dynamic = "force-dynamic";

export const GET = guardedRoute({ permission: "certificate.view" }, async (request) => {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  const crl = await ca.getCrl();
  switch (format) {
    case "der":
      return downloadResponse(crl.der, { contentType: CRL_CONTENT_TYPE, fileName: "crl.der" });
    case "pem":
      return downloadResponse(crl.pem, { contentType: PEM_CONTENT_TYPE, fileName: "crl.pem" });
    case "json":
      return Response.json(
        { pem: crl.pem, thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate },
        { headers: { "Cache-Control": "no-store" } },
      );
    default:
      return apiError(400, "BAD_FORMAT", `Unknown format "${format}"; use json, pem or der.`);
  }
});
