import "server-only";

import { CERTIFICATE_FILES, type ConnectionSnippets } from "@/lib/queries/certificates";
import type { IssuedCertificateBundle } from "@/lib/schemas/certificates";
import * as ca from "@/lib/server/ca";
import { getConfig } from "@/lib/server/config";

/** What the certificate forms show: the bundle, and snippets for the first cluster with its files. */
export interface CertificateFormResult {
  bundle: IssuedCertificateBundle;
  snippets: ConnectionSnippets;
  bootstrapServers: string[];
}

export function withConnectionSnippets(bundle: IssuedCertificateBundle): CertificateFormResult {
  const bootstrapServers = [...(getConfig().clusters[0]?.bootstrapBrokers ?? [])];
  const snippets = ca.connectionSnippets({
    bootstrapServers,
    commonName: bundle.certificate.commonName,
    files: {
      // The client presents its certificate with the intermediate, so a broker trusting only the root can verify it.
      cert: CERTIFICATE_FILES.chain,
      key: CERTIFICATE_FILES.key,
      ca: CERTIFICATE_FILES.ca,
      ...(bundle.pkcs12Base64 ? { pkcs12: CERTIFICATE_FILES.pkcs12 } : {}),
    },
  });
  return { bundle, snippets, bootstrapServers };
}
