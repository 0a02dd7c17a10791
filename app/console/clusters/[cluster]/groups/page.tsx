import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/server/auth";
import { FeaturePlaceholder } from "@/components/shell/feature-placeholder";
import { GroupsIcon } from "@/components/ui/icons";
import { clusterOf, type ClusterParams } from "../_lib/cluster-param";

export const metadata: Metadata = { title: "Consumer groups" };

export default async function ConsumerGroupsPage({ params }: { params: ClusterParams }) {
  await requirePagePermission("group.view");
  await clusterOf(params);
  return (
    <FeaturePlaceholder
      title="Consumer groups"
      icon={<GroupsIcon className="size-6" />}
      arrives="Consumer group management arrives in a later release."
    />
  );
}
