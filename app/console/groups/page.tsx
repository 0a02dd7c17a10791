import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/server/auth";
import { FeaturePlaceholder } from "@/components/shell/feature-placeholder";
import { GroupsIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Consumer groups" };

export default async function ConsumerGroupsPage() {
  await requirePagePermission("group.view");
  return (
    <FeaturePlaceholder
      title="Consumer groups"
      icon={<GroupsIcon className="size-6" />}
      arrives="Consumer group management arrives in a later release."
    />
  );
}
