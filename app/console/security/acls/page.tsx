import type { Metadata } from "next";
import { requirePageRole } from "@/lib/server/auth";
import { FeaturePlaceholder } from "@/components/shell/feature-placeholder";
import { ShieldIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "ACLs" };

export default async function AclsPage() {
  await requirePageRole("viewer");
  return (
    <FeaturePlaceholder
      title="ACLs"
      icon={<ShieldIcon className="size-6" />}
      arrives="ACL management arrives in a later release."
    />
  );
}
