import type { Metadata } from "next";
import { requirePageRole } from "@/lib/server/auth";
import { FeaturePlaceholder } from "@/components/shell/feature-placeholder";
import { TopicsIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage() {
  await requirePageRole("viewer");
  return (
    <FeaturePlaceholder
      title="Topics"
      icon={<TopicsIcon className="size-6" />}
      arrives="Topic management arrives in a later release."
    />
  );
}
