import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "./page-header";

interface FeaturePlaceholderProps {
  title: string;
  icon: ReactNode;
  /** One sentence: what arrives on this page. */
  arrives: string;
}

/** A real page for a feature that is not built yet, so its address and navigation already work. */
export function FeaturePlaceholder({ title, icon, arrives }: FeaturePlaceholderProps) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={icon} title="Coming soon" description={arrives} />
    </>
  );
}
