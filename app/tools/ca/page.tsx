import type { Metadata } from "next";
import { CA_PUBLIC_PATHS, type CaCertificateInfo } from "@/lib/schemas/certificates";
import * as ca from "@/lib/server/ca";
import { UtcTime } from "@/components/ui/utc-time";
import { PemBlock } from "@/components/certificates/pem-block";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DownloadIcon } from "@/components/ui/icons";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Certificate authority" };

function DownloadLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} download className={buttonClassName()}>
      <DownloadIcon />
      {children}
    </a>
  );
}

function CaCertificateCard(props: {
  title: string;
  info: CaCertificateInfo;
  href: string;
  file: string;
  use: string;
}) {
  const { title, info, href, file, use } = props;
  return (
    <Card aria-label={title}>
      <CardHeader
        title={title}
        description={use}
        actions={<DownloadLink href={href}>{`Download ${file}`}</DownloadLink>}
      />
      <dl className="grid gap-x-4 gap-y-2 px-5 pt-4 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-zinc-600 dark:text-zinc-400">Subject</dt>
        <dd className="font-mono text-xs break-all">{info.subject}</dd>
        <dt className="font-medium text-zinc-600 dark:text-zinc-400">SHA-256 fingerprint</dt>
        <dd className="font-mono text-xs break-all">{info.fingerprintSha256}</dd>
        <dt className="font-medium text-zinc-600 dark:text-zinc-400">Valid</dt>
        <dd>
          <UtcTime iso={info.notBefore} /> to <UtcTime iso={info.notAfter} />
        </dd>
      </dl>
      <div className="px-5 py-4">
        <PemBlock label={`${title} (PEM)`} value={info.pem} rows={5} />
      </div>
    </Card>
  );
}

/** Public: what clients and brokers need to trust the console's certificates, and the CRL. */
export default async function CertificateAuthorityPage() {
  const { root, intermediate, chainPem } = await ca.getCaCertificates();
  const crl = await ca.getCrl();
  return (
    <>
      <PageHeader
        title="Certificate authority"
        description="The console issues client and broker certificates from this CA. These files are public: no sign-in needed."
      />
      <div className="space-y-6">
        <CaCertificateCard
          title="Root CA"
          info={root}
          href={CA_PUBLIC_PATHS.root}
          file="root.pem"
          use="The trust anchor: put it in clients' and brokers' truststores."
        />
        <CaCertificateCard
          title="Intermediate CA"
          info={intermediate}
          href={CA_PUBLIC_PATHS.intermediate}
          file="intermediate.pem"
          use="Signs the certificates the console issues."
        />
        <Card aria-label="Chain">
          <CardHeader
            title="Chain"
            description="Intermediate, then root: one file for tools that want the whole chain."
            actions={<DownloadLink href={CA_PUBLIC_PATHS.chain}>Download chain.pem</DownloadLink>}
          />
          <div className="px-5 py-4">
            <PemBlock label="Chain (PEM)" value={chainPem} rows={5} />
          </div>
        </Card>
        <Card aria-label="Certificate revocation list">
          <CardHeader
            title="Certificate revocation list"
            description={
              <>
                Signed again on every revocation. This update <UtcTime iso={crl.thisUpdate} />, next by{" "}
                <UtcTime iso={crl.nextUpdate} />.
              </>
            }
            actions={
              <>
                <DownloadLink href={CA_PUBLIC_PATHS.crlDer}>Download crl.der</DownloadLink>
                <DownloadLink href={CA_PUBLIC_PATHS.crlPem}>Download crl.pem</DownloadLink>
              </>
            }
          />
        </Card>
      </div>
    </>
  );
}
