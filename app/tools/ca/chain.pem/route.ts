// GET /tools/ca/chain.pem – intermediate then root, public: what a client puts in its truststore
import * as ca from "@/lib/server/ca";
import { downloadResponse, PEM_CONTENT_TYPE } from "@/app/api/v1/_lib/download";

export const dynamic = "force-dynamic";

export async function GET() {
  return downloadResponse((await ca.getCaCertificates()).chainPem, {
    contentType: PEM_CONTENT_TYPE,
    fileName: "ca-chain.pem",
    cacheSeconds: 300,
  });
}
