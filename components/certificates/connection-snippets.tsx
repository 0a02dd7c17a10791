"use client";

import { SNIPPET_LANGUAGES, type ConnectionSnippets } from "@/lib/queries/certificates";
import { PemBlock } from "./pem-block";
import { Tabs } from "@/components/ui/tabs";

/** Client configuration with these files and the cluster's bootstrap servers, one tab per client. */
export function ConnectionSnippetTabs({ snippets }: { snippets: ConnectionSnippets }) {
  return (
    <Tabs
      label="Connection snippets"
      items={SNIPPET_LANGUAGES.map(({ id, label }) => ({
        id,
        label,
        panel: <PemBlock label={`${label} configuration`} value={snippets[id]} rows={10} />,
      }))}
    />
  );
}
