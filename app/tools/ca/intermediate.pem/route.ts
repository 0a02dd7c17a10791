// GET /tools/ca/intermediate.pem – the intermediate CA certificate, public so clients and brokers can fetch it to trust the CA
import * as ca from "@/lib/server/ca";
import { downloadResponse, PEM_CONTENT_TYPE } from "@/app/api/v1/_lib/download";

export const dynamic = "force-dynamic";

export async function GET() {
  return downloadResponse((await ca.getCaCertificates()).intermediate.pem, {
    contentType: PEM_CONTENT_TYPE,
    fileName: "intermediate-ca.pem",
    cacheSeconds: 300,
  });
}
