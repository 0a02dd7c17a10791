// GET /tools/ca/crl.pem – the CRL in PEM, public, for tools that want text (openssl crl -in)
import * as ca from "@/lib/server/ca";
import { downloadResponse, PEM_CONTENT_TYPE } from "@/app/api/v1/_lib/download";

export const dynamic = "force-dynamic";

export async function GET() {
  return downloadResponse((await ca.getCrl()).pem, {
    contentType: PEM_CONTENT_TYPE,
    fileName: "crl.pem",
    cacheSeconds: 60,
  });
}
