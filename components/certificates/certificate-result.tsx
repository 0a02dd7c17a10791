"use client";

import { useEffect, useRef } from "react";
import { CERTIFICATE_FILES, type ConnectionSnippets } from "@/lib/queries/certificates";
import type { IssuedCertificateBundle } from "@/lib/schemas/certificates";
import { Button } from "@/components/ui/button";
import { ConnectionSnippetTabs } from "./connection-snippets";
import { FileDownload } from "./file-download";
import { PemBlock } from "./pem-block";

interface CertificateResultProps {
  bundle: IssuedCertificateBundle;
  snippets: ConnectionSnippets;
  bootstrapServers: string[];
  onDone: () => void;
}

/** What was issued: files to copy or download, the private key once, and how to connect with them. */
export function CertificateResult({ bundle, snippets, bootstrapServers, onDone }: CertificateResultProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { certificate } = bundle;
  // Focus moves to the result, so a screen reader announces it and the key notice follows.
  useEffect(() => headingRef.current?.focus(), [bundle]);
  const chainPem = bundle.chainPem.join("");

  return (
    <section aria-labelledby="certificate-result-title" className="space-y-5">
      <div>
        <h2
          id="certificate-result-title"
          ref={headingRef}
          tabIndex={-1}
          className="text-base font-semibold focus:outline-none"
        >
          Issued certificate for {certificate.commonName}
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Serial <code className="font-mono">{certificate.serialNumber}</code>, valid until{" "}
          <time dateTime={certificate.notAfter}>{certificate.notAfter.slice(0, 10)}</time>. The broker sees it
          as <code className="font-mono">User:{certificate.commonName}</code>.
        </p>
      </div>

      {bundle.privateKeyPem ? (
        <PemBlock
          label="Private key (PEM)"
          value={bundle.privateKeyPem}
          warning
          note={
            <>
              <strong className="font-semibold">Shown only once.</strong> The console does not keep the
              private key: copy or download it now and store it where the client keeps its secrets.
            </>
          }
        />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Signed from your CSR: the private key stayed on your machine and is not part of these files.
        </p>
      )}

      <div>
        <h3 className="text-sm font-semibold">Downloads</h3>
        <ul aria-label="Downloads" className="mt-2 flex flex-wrap gap-2">
          <li>
            <FileDownload fileName={CERTIFICATE_FILES.cert} content={{ text: bundle.certificatePem }} />
          </li>
          {bundle.privateKeyPem && (
            <li>
              <FileDownload fileName={CERTIFICATE_FILES.key} content={{ text: bundle.privateKeyPem }} />
            </li>
          )}
          <li>
            <FileDownload fileName={CERTIFICATE_FILES.chain} content={{ text: chainPem }} />
          </li>
          <li>
            <FileDownload fileName={CERTIFICATE_FILES.ca} content={{ text: bundle.caPem }} />
          </li>
          <li>
            <FileDownload
              fileName={CERTIFICATE_FILES.zip}
              content={{ base64: bundle.zipBase64 }}
              type="application/zip"
              description="all files and a README"
            />
          </li>
          {bundle.pkcs12Base64 && (
            <li>
              <FileDownload
                fileName={CERTIFICATE_FILES.pkcs12}
                content={{ base64: bundle.pkcs12Base64 }}
                type="application/x-pkcs12"
                description="PKCS#12 for Java keytool"
              />
            </li>
          )}
        </ul>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <PemBlock label="Certificate (PEM)" value={bundle.certificatePem} />
        <PemBlock label="Chain (PEM)" value={chainPem} note="This certificate, then the intermediate CA." />
        <PemBlock label="CA certificate (PEM)" value={bundle.caPem} note="The root CA: what clients trust." />
      </div>

      <div>
        <h3 className="text-sm font-semibold">Connect with it</h3>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {bootstrapServers.length > 0
            ? `Bootstrap servers ${bootstrapServers.join(", ")}; the broker is verified with ca.pem.`
            : "No cluster is configured; replace the bootstrap servers in these snippets."}
        </p>
        <ConnectionSnippetTabs snippets={snippets} />
      </div>

      <Button onClick={onDone}>Done</Button>
    </section>
  );
}
