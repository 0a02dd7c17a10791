import "server-only";

// Leaves as a request issues them: forge assembles the certificate here (cheap), the key pair and
// the issuer's signature come from the CA's worker threads (ca-workers.ts).
import {
  type CertificateAuthority,
  completeCertificate,
  type IssuedCertificate,
  type LeafRequest,
  prepareLeafCertificate,
  type SignedCertificate,
} from "./certificates";
import { runCaTask } from "./ca-workers";
import { fromPrivateKeyPem } from "./keys";

export async function signLeafOffThread(
  issuer: CertificateAuthority,
  request: LeafRequest,
  publicKey: Parameters<typeof prepareLeafCertificate>[2],
): Promise<SignedCertificate> {
  const prepared = prepareLeafCertificate(issuer, request, publicKey);
  const signature = await runCaTask("signSha256WithRsa", {
    data: prepared.toBeSigned,
    privateKeyPem: issuer.privateKeyPem,
  });
  return completeCertificate(prepared, signature);
}

export async function issueLeafOffThread(
  issuer: CertificateAuthority,
  request: LeafRequest,
): Promise<IssuedCertificate> {
  const keys = fromPrivateKeyPem(await runCaTask("generateRsaKey", { bits: request.keySize ?? 2048 }));
  const signed = await signLeafOffThread(issuer, request, keys.publicKey);
  return { ...signed, privateKeyPem: keys.privateKeyPem };
}
