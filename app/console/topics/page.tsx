import type { Metadata } from "next";
import { FeaturePlaceholder } from "@/components/shell/feature-placeholder";
import { TopicsIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Topics" };

export default function TopicsPage() {
  return (
    <FeaturePlaceholder
      title="Topics"
      icon={<TopicsIcon className="size-6" />}
      arrives="Topic management arrives in a later release."
    />
  );
}
