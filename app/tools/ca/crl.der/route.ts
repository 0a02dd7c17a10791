// GET /tools/ca/crl.der – the CRL in DER, public: the CRL distribution point named in every certificate
import * as ca from "@/lib/server/ca";
import { CRL_CONTENT_TYPE, downloadResponse } from "@/app/api/v1/_lib/download";

export const dynamic = "force-dynamic";

export async function GET() {
  // Short caching: a revocation must reach relying parties soon.
  return downloadResponse((await ca.getCrl()).der, {
    contentType: CRL_CONTENT_TYPE,
    fileName: "crl.der",
    cacheSeconds: 60,
  });
}
