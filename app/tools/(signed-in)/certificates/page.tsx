import type { Metadata } from "next";
import { requirePageRole } from "@/lib/server/auth";
import { FeaturePlaceholder } from "@/components/shell/feature-placeholder";
import { CertificateIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Certificates" };

export default async function CertificatesPage() {
  await requirePageRole("viewer");
  return (
    <FeaturePlaceholder
      title="Certificates"
      icon={<CertificateIcon className="size-6" />}
      arrives="Certificate tools arrive in a later release."
    />
  );
}
