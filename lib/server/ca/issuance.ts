import "server-only";

// Issuing: a generated key pair, or a CSR's public key. Policy first (nothing is signed or stored on
// a refusal), then a serial unique in the store, the signature, the record and its audit entry in
// one transaction, and the downloads built from what is still in memory. Key generation, signatures
// and the PKCS#12 run in the CA's worker threads (ca-workers.ts); when those are busy the answer is
// a 503 and nothing is stored.
import { X509Certificate } from "node:crypto";

import { actionOk, type ActionResult } from "@/lib/errors";
import {
  CA_PUBLIC_PATHS,
  type IssueCertificateInput,
  type IssuedCertificateBundle,
  type SignCsrInput,
  type SubjectAltName,
} from "@/lib/schemas/certificates";
import { isStoreConflictError } from "@/lib/server/store/types";

import { authorityCertificates, signingAuthority } from "./authority";
import { buildPkcs12, buildZip } from "./bundle";
import { withCaWorkers } from "./ca-workers";
import type { DistinguishedName, SignedCertificate } from "./certificates";
import type { CaContext } from "./context";
import { type CsrSignatureCheck, parseCsr } from "./csr";
import { toSummary } from "./inventory";
import { checkIssuancePolicy, type PolicySettings } from "./policy";
import type { RsaKeySize } from "./keys";
import { issueLeafOffThread, signLeafOffThread } from "./off-thread";
import { randomSerialNumber } from "./serial";
import { commonNameOf, rfc2253Subject } from "./x509-facts";

export interface Actor {
  role: "viewer" | "operator" | "admin";
  actor: string;
}

interface LeafPlan {
  subject: DistinguishedName;
  subjectAltNames: SubjectAltName[];
  validityDays: number;
  serverAuth: boolean;
  keyAlgorithm: string;
  source: "generated" | "csr";
  action: "certificate.issue" | "certificate.sign-csr";
}

function reservedNames(context: CaContext): string[] {
  const clusterNames = context.clusterCertificates.flatMap((pem) => commonNameOf(pem) ?? []);
  return [...context.settings.reservedNames, ...clusterNames];
}

/** What the issuing policy reads from the context; the name check before issuing reads it too. */
export function policySettings(context: CaContext): PolicySettings {
  return {
    maxValidityDays: context.settings.maxValidityDays,
    reservedNames: reservedNames(context),
    brokerHosts: context.brokerHosts,
    subjectAltNames: context.settings.subjectAltNames,
  };
}

async function freshSerial(context: CaContext): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const serial = randomSerialNumber();
    if (!(await context.store.certificates.serialExists(serial))) return serial;
  }
  // 2^-127 per draw: reaching this means the random source is broken, not bad luck.
  throw new Error("Could not draw an unused certificate serial number");
}

async function refuse(context: CaContext, plan: LeafPlan, actor: Actor, refusal: ActionResult<never>) {
  if (!refusal.ok)
    await context.audit({
      actor: actor.actor,
      action: plan.action,
      target: plan.subject.commonName,
      outcome: refusal.status === 403 ? "denied" : "failure",
      details: { status: refusal.status, reason: refusal.error },
    });
  return refusal;
}

/** Signs, stores and audits; `sign` gets a serial checked to be unused. */
async function issue(
  context: CaContext,
  plan: LeafPlan,
  actor: Actor,
  sign: (
    serialNumber: string,
    crlDistributionPoint: string,
  ) => Promise<SignedCertificate & { privateKeyPem?: string }>,
  pkcs12Password: string | undefined,
): Promise<ActionResult<IssuedCertificateBundle>> {
  const refusal = checkIssuancePolicy(
    {
      commonName: plan.subject.commonName,
      subjectAltNames: plan.subjectAltNames,
      validityDays: plan.validityDays,
      serverAuth: plan.serverAuth,
    },
    actor.role,
    policySettings(context),
  );
  if (refusal) return refuse(context, plan, actor, refusal);
  const { rootPem, intermediatePem } = await authorityCertificates(context);
  const crlDistributionPoint = `${context.settings.publicUrl}${CA_PUBLIC_PATHS.crlDer}`;

  let leaf: SignedCertificate & { privateKeyPem?: string };
  let record;
  for (let attempt = 0; ; attempt++) {
    // The draw and the signature stay outside the transaction (the signature runs in a worker and
    // may wait for one): the insert's unique serial is what settles a race, retried below.
    leaf = await sign(await freshSerial(context), crlDistributionPoint);
    const x509 = new X509Certificate(leaf.certificatePem);
    try {
      record = await context.store.transaction(async (tx) => {
        const inserted = await tx.certificates.insert({
          serialNumber: leaf.serialNumber,
          commonName: plan.subject.commonName,
          subject: rfc2253Subject(x509),
          subjectAltNames: plan.subjectAltNames,
          keyAlgorithm: plan.keyAlgorithm,
          serverAuth: plan.serverAuth,
          source: plan.source,
          issuedBy: actor.actor,
          issuedAt: context.now().toISOString(),
          notBefore: leaf.notBefore.toISOString(),
          notAfter: leaf.notAfter.toISOString(),
          certificatePem: leaf.certificatePem,
          fingerprint: x509.fingerprint256,
        });
        await context.audit(
          {
            actor: actor.actor,
            action: plan.action,
            target: inserted.serialNumber,
            outcome: "success",
            details: {
              commonName: plan.subject.commonName,
              validityDays: plan.validityDays,
              serverAuth: plan.serverAuth,
              subjectAltNames: plan.subjectAltNames.length,
            },
          },
          tx,
        );
        return inserted;
      });
      break;
    } catch (error) {
      // Another process took the serial between the check and the insert: sign again with a new one.
      if (!isStoreConflictError(error) || attempt >= 2) throw error;
    }
  }

  const files = {
    commonName: plan.subject.commonName,
    serialNumber: record.serialNumber,
    notAfter: record.notAfter,
    certificatePem: leaf.certificatePem,
    intermediatePem,
    rootPem,
    privateKeyPem: leaf.privateKeyPem,
  };
  const pkcs12 =
    leaf.privateKeyPem && pkcs12Password
      ? await buildPkcs12({ ...files, privateKeyPem: leaf.privateKeyPem }, pkcs12Password)
      : undefined;
  return actionOk({
    certificate: toSummary(record, context.now()),
    certificatePem: leaf.certificatePem,
    chainPem: [leaf.certificatePem, intermediatePem],
    caPem: rootPem,
    ...(leaf.privateKeyPem ? { privateKeyPem: leaf.privateKeyPem } : {}),
    ...(pkcs12 ? { pkcs12Base64: pkcs12.toString("base64") } : {}),
    zipBase64: buildZip(files).toString("base64"),
  });
}

const KEY_SIZES: Record<IssueCertificateInput["keyType"], RsaKeySize> = {
  "rsa-2048": 2048,
  "rsa-3072": 3072,
  "rsa-4096": 4096,
};

export function issueCertificate(
  context: CaContext,
  input: IssueCertificateInput,
  actor: Actor,
): Promise<ActionResult<IssuedCertificateBundle>> {
  const subject: DistinguishedName = {
    commonName: input.commonName,
    organization: input.organization,
    organizationalUnit: input.organizationalUnit,
    country: input.country,
    state: input.state,
    locality: input.locality,
  };
  const plan: LeafPlan = {
    subject,
    subjectAltNames: input.subjectAltNames,
    validityDays: input.validityDays,
    serverAuth: input.serverAuth,
    keyAlgorithm: input.keyType,
    source: "generated",
    action: "certificate.issue",
  };
  return withCaWorkers(() =>
    issue(
      context,
      plan,
      actor,
      async (serialNumber, crlDistributionPoint) =>
        issueLeafOffThread(await signingAuthority(context), {
          ...plan,
          keySize: KEY_SIZES[input.keyType],
          serialNumber,
          crlDistributionPoint,
          now: context.now().getTime(),
        }),
      input.pkcs12Password,
    ),
  );
}

/**
 * The CSR's subject, public key and (unless the caller lists SANs, which then replace them) its
 * requested SANs, under the same policy as generated certificates.
 */
export function signCertificateRequest(
  context: CaContext,
  input: SignCsrInput,
  actor: Actor,
  signatureVerifies?: CsrSignatureCheck,
): Promise<ActionResult<IssuedCertificateBundle>> {
  return withCaWorkers(() => signRequest(context, input, actor, signatureVerifies));
}

async function signRequest(
  context: CaContext,
  input: SignCsrInput,
  actor: Actor,
  signatureVerifies?: CsrSignatureCheck,
): Promise<ActionResult<IssuedCertificateBundle>> {
  const parsed = await parseCsr(input.csrPem, signatureVerifies);
  if (!parsed.ok) {
    await context.audit({
      actor: actor.actor,
      action: "certificate.sign-csr",
      target: null,
      outcome: "failure",
      details: { status: parsed.status, reason: parsed.error },
    });
    return parsed;
  }
  const csr = parsed.data;
  const plan: LeafPlan = {
    subject: csr.subject,
    subjectAltNames: input.subjectAltNames ?? csr.subjectAltNames,
    validityDays: input.validityDays,
    serverAuth: input.serverAuth,
    keyAlgorithm: `rsa-${csr.keyBits}`,
    source: "csr",
    action: "certificate.sign-csr",
  };
  return issue(
    context,
    plan,
    actor,
    async (serialNumber, crlDistributionPoint) =>
      signLeafOffThread(
        await signingAuthority(context),
        { ...plan, serialNumber, crlDistributionPoint, now: context.now().getTime() },
        csr.publicKey,
      ),
    undefined,
  );
}
