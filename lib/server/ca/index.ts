import "server-only";

// The console's certificate authority: the one module that holds CA keys. Pages, server actions
// and route handlers call these; the functions under ./ take a CaContext so tests can too.
import type { ActionResult } from "@/lib/errors";
import type {
  CaCertificates,
  CertificateDetail,
  CertificateList,
  CertificateListQuery,
  CertificateSummary,
  CommonNameCheck,
  IssueCertificateInput,
  IssuedCertificateBundle,
  RevokeCertificateInput,
  SignCsrInput,
} from "@/lib/schemas/certificates";
import { caSettingsSchema, type CaSettings } from "@/lib/schemas/config";
import { appendAudit } from "@/lib/server/auth/audit";
import type { Principal } from "@/lib/server/auth/principal-types";
import { currentRequestFacts } from "@/lib/server/auth/request-context";
import type { RequestFacts } from "@/lib/server/auth/request-facts";
import { getConfig } from "@/lib/server/config";
import { getStore } from "@/lib/server/store";

import { authorityCertificates, ensureAuthority } from "./authority";
import { bindingsOnConfiguredClusters, configuredBrokerHosts } from "./cluster-lookups";
import type { CaContext } from "./context";
import * as issuance from "./issuance";
import * as inventory from "./inventory";
import { validCertificateCount } from "./name-usage";
import { checkCommonName } from "./policy";
import * as revocation from "./revocation";
import { caCertificateInfo } from "./x509-facts";

export {
  createIntermediateCa,
  createRootCa,
  issueLeafCertificate,
  signLeafCertificate,
  type CertificateAuthority,
  type DistinguishedName,
  type IssuedCertificate,
  type LeafRequest,
  type SubjectAltName,
} from "./certificates";
export { generateRsaKeyPair, type KeyPair, type RsaKeySize } from "./keys";
export { connectionSnippets, type SnippetInput, type SnippetLanguage } from "./snippets";
export type {
  CaCertificateInfo,
  CaCertificates,
  CertificateDetail,
  CertificateList,
  CertificateStatus,
  CertificateSummary,
  IssuedCertificateBundle,
} from "@/lib/schemas/certificates";
export type { CurrentCrl } from "./revocation";

const OUTSIDE_A_REQUEST: RequestFacts = { clientAddress: null, requestId: null, userAgent: null };

// When a test mocks getConfig() without a ca section, the defaults apply.
const defaultSettings = (): CaSettings =>
  caSettingsSchema(() => ({ ok: false, message: "no value sources in defaults" })).parse({});

/** brokerHosts only where a policy reads them: gathering them may ask the clusters. */
function caContext(facts: RequestFacts, brokerHosts: readonly string[] = []): CaContext {
  const store = getStore();
  const config = getConfig();
  return {
    store,
    settings: config.ca ?? defaultSettings(),
    dataDir: config.server.dataDir,
    clusterCertificates: config.clusters.flatMap((cluster) => cluster.tls?.cert ?? []),
    brokerHosts,
    now: () => new Date(),
    audit: (event, into = store) => appendAudit(into, event, facts),
  };
}

/** For issuing and signing: the request's facts and the brokers' hosts the policy reserves. */
const issuingContext = async () => caContext(await currentRequestFacts(), await configuredBrokerHosts());
const requestContext = async () => caContext(await currentRequestFacts());

/** At server start, after the store: creates the CA or imports ca.import once; then checks the key opens. */
export async function ensureCertificateAuthority(): Promise<void> {
  const context = caContext(OUTSIDE_A_REQUEST);
  await ensureAuthority(context);
  await revocation.currentCrl(context);
}

/** A new key pair and certificate (audit "certificate.issue"); the private key is returned once, never stored. */
export async function issueCertificate(
  input: IssueCertificateInput,
  actor: Principal,
): Promise<ActionResult<IssuedCertificateBundle>> {
  return issuance.issueCertificate(await issuingContext(), input, actor);
}

/** Signs a CSR (audit "certificate.sign-csr"): no private key passes through the console. */
export async function signCertificateRequest(
  input: SignCsrInput,
  actor: Principal,
): Promise<ActionResult<IssuedCertificateBundle>> {
  return issuance.signCertificateRequest(await issuingContext(), input, actor);
}

/**
 * What issuing a certificate for this CN would meet: a refusal for this caller (the CN rules only;
 * SANs and serverAuth are checked when issuing), and who already goes by the name: valid
 * certificates and ACL bindings per cluster ("unknown" for a cluster that does not answer in time).
 */
export async function checkCommonNameUse(commonName: string, actor: Principal): Promise<CommonNameCheck> {
  const clusters = bindingsOnConfiguredClusters(`User:${commonName}`);
  const context = caContext(OUTSIDE_A_REQUEST, await configuredBrokerHosts());
  const refusal = checkCommonName(commonName, actor.role, issuance.policySettings(context));
  return {
    commonName,
    ...(refusal && !refusal.ok ? { refusal: { status: refusal.status, message: refusal.error } } : {}),
    validCertificates: await validCertificateCount(context, commonName),
    clusters: await clusters,
  };
}

export function listCertificates(query: CertificateListQuery): Promise<CertificateList> {
  return inventory.listCertificates(caContext(OUTSIDE_A_REQUEST), query);
}

export function getCertificate(serialNumber: string): Promise<CertificateDetail | undefined> {
  return inventory.getCertificate(caContext(OUTSIDE_A_REQUEST), serialNumber);
}

/** Admin only (403 otherwise); audit "certificate.revoke"; re-signs the CRL. */
export async function revokeCertificate(
  serialNumber: string,
  input: RevokeCertificateInput,
  actor: Principal,
): Promise<ActionResult<CertificateSummary>> {
  return revocation.revokeCertificate(await requestContext(), serialNumber, input, actor);
}

export async function getCaCertificates(): Promise<CaCertificates> {
  const { rootPem, intermediatePem } = await authorityCertificates(caContext(OUTSIDE_A_REQUEST));
  return {
    root: caCertificateInfo(rootPem),
    intermediate: caCertificateInfo(intermediatePem),
    chainPem: intermediatePem + rootPem,
  };
}

/** The CRL (DER and PEM), re-signed first when older than half its 7-day life. */
export function getCrl(): Promise<revocation.CurrentCrl> {
  return revocation.currentCrl(caContext(OUTSIDE_A_REQUEST));
}
