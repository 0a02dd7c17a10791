import type { Metadata } from "next";
import { FeaturePlaceholder } from "@/components/shell/feature-placeholder";
import { ShieldIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "ACLs" };

export default function AclsPage() {
  return (
    <FeaturePlaceholder
      title="ACLs"
      icon={<ShieldIcon className="size-6" />}
      arrives="ACL management arrives in a later release."
    />
  );
}
