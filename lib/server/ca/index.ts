import "server-only";

export {
  createIntermediateCa,
  createRootCa,
  issueLeafCertificate,
  type CertificateAuthority,
  type DistinguishedName,
  type IssuedCertificate,
  type LeafRequest,
  type SubjectAltName,
} from "./certificates";
export { generateRsaKeyPair, type KeyPair, type RsaKeySize } from "./keys";
