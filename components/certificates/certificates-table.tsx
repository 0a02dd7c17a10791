import Link from "next/link";
import type { CertificateSummary } from "@/lib/schemas/certificates";
import { UtcTime } from "@/components/ui/utc-time";
import { DenseCell, DenseHeaderCell } from "@/components/ui/dense-cells";
import { TableBody, TableHead } from "@/components/ui/table";
import { CertificateStatusBadge } from "./certificate-status-badge";
import { SanList } from "./san-list";
import { certificatePath } from "@/lib/paths";

/** The inventory: one row per issued certificate, its serial linking to the detail page. */
export function CertificatesTable({
  certificates,
  titleId,
}: {
  certificates: CertificateSummary[];
  titleId: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table aria-labelledby={titleId} className="w-full border-collapse text-left text-sm">
        <TableHead>
          <tr>
            <DenseHeaderCell>Common name</DenseHeaderCell>
            <DenseHeaderCell>Serial</DenseHeaderCell>
            <DenseHeaderCell>Alternative names</DenseHeaderCell>
            <DenseHeaderCell>Issued</DenseHeaderCell>
            <DenseHeaderCell>Not before</DenseHeaderCell>
            <DenseHeaderCell>Not after</DenseHeaderCell>
            <DenseHeaderCell>Status</DenseHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {certificates.map((certificate) => (
            <tr key={certificate.serialNumber}>
              <DenseCell>
                <Link
                  href={certificatePath(certificate.serialNumber)}
                  className="font-medium break-all underline-offset-2 hover:underline"
                >
                  {certificate.commonName}
                </Link>
                {certificate.serverAuth && (
                  <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">(server)</span>
                )}
              </DenseCell>
              <DenseCell>
                <code className="font-mono text-xs break-all">{certificate.serialNumber}</code>
              </DenseCell>
              <DenseCell>
                <SanList sans={certificate.subjectAltNames} limit={3} />
              </DenseCell>
              <DenseCell>
                <UtcTime iso={certificate.issuedAt} stacked />
                <div className="text-xs break-all text-zinc-500 dark:text-zinc-400">
                  {certificate.issuedBy}
                </div>
              </DenseCell>
              <DenseCell>
                <UtcTime iso={certificate.notBefore} stacked />
              </DenseCell>
              <DenseCell>
                <UtcTime iso={certificate.notAfter} stacked />
              </DenseCell>
              <DenseCell>
                <CertificateStatusBadge status={certificate.status} />
              </DenseCell>
            </tr>
          ))}
        </TableBody>
      </table>
    </div>
  );
}
