// GET /tools/ca/root.pem – the root CA certificate, public so clients and brokers can fetch it to trust the CA
import * as ca from "@/lib/server/ca";
import { downloadResponse, PEM_CONTENT_TYPE } from "@/app/api/v1/_lib/download";

export const dynamic = "force-dynamic";

export async function GET() {
  return downloadResponse((await ca.getCaCertificates()).root.pem, {
    contentType: PEM_CONTENT_TYPE,
    fileName: "root-ca.pem",
    cacheSeconds: 300,
  });
}
