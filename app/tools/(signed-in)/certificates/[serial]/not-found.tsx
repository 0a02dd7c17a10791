import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClassName } from "@/components/ui/button";
import { CertificateIcon } from "@/components/ui/icons";
import { certificatesPath } from "@/lib/paths";

export default function CertificateNotFound() {
  return (
    <EmptyState
      headingLevel="h1"
      icon={<CertificateIcon className="size-6" />}
      title="Certificate not found"
      description="No certificate with this serial number was issued by the console's CA."
    >
      <Link href={`${certificatesPath()}#inventory`} className={buttonClassName()}>
        All certificates
      </Link>
    </EmptyState>
  );
}
