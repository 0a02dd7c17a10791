"use client";

import { Tabs } from "@/components/ui/tabs";
import { CreateLintBaselineProvider, type CreateLintBaseline } from "./create-lint-baseline";
import { CustomAclForm } from "./custom-acl-form";
import { ConsumerPresetForm, ProducerPresetForm, ReadOnlyPresetForm } from "./preset-forms";

/**
 * Custom bindings or a preset; each shows the exact bindings, and the linter's findings about them
 * against `baseline`, before anything is created.
 */
export function CreateAclsPanel({
  initialPrincipal,
  baseline,
}: {
  initialPrincipal: string;
  baseline: CreateLintBaseline;
}) {
  return (
    <CreateLintBaselineProvider baseline={baseline}>
      <Tabs
        label="Create bindings from"
        items={[
          { id: "custom", label: "Custom", panel: <CustomAclForm initialPrincipal={initialPrincipal} /> },
          {
            id: "consumer",
            label: "Consumer",
            panel: <ConsumerPresetForm initialPrincipal={initialPrincipal} />,
          },
          {
            id: "producer",
            label: "Producer",
            panel: <ProducerPresetForm initialPrincipal={initialPrincipal} />,
          },
          {
            id: "read-only",
            label: "Read-only",
            panel: <ReadOnlyPresetForm initialPrincipal={initialPrincipal} />,
          },
        ]}
      />
    </CreateLintBaselineProvider>
  );
}
