"use client";

import { Tabs } from "@/components/certificates/tabs";
import { CustomAclForm } from "./custom-acl-form";
import { ConsumerPresetForm, ProducerPresetForm, ReadOnlyPresetForm } from "./preset-forms";

/** Custom bindings or a preset; each shows the exact bindings before anything is created. */
export function CreateAclsPanel({ initialPrincipal }: { initialPrincipal: string }) {
  return (
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
  );
}
