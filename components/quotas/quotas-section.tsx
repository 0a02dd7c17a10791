"use client";

import { useState } from "react";

import { describeEntity, type QuotaEntry } from "@/lib/schemas/quotas";
import { Card, CardHeader } from "@/components/ui/card";

import { QuotaForm, type QuotaFormPreset } from "./quota-form";
import { QuotasTable } from "./quotas-table";

/** The quotas' table and, for admins, the form; "Edit" in a row fills the form with that entity. */
export function QuotasSection({
  cluster,
  entries,
  canChange,
}: {
  cluster: string;
  entries: QuotaEntry[];
  canChange: boolean;
}) {
  const [preset, setPreset] = useState<QuotaFormPreset>();
  return (
    <div className="space-y-6">
      <Card aria-labelledby="quotas-title">
        <CardHeader
          titleId="quotas-title"
          title="Quotas"
          description={
            canChange
              ? `${entries.length} ${entries.length === 1 ? "entity" : "entities"} with quotas. A client gets the most specific match: user and client id, then user, then client id, then the defaults.`
              : "Changing quotas needs the admin role."
          }
        />
        <QuotasTable
          entries={entries}
          onEdit={
            canChange
              ? (entry) => {
                  setPreset({ entity: entry.entity, key: (preset?.key ?? 0) + 1 });
                  document.getElementById("quota-form-title")?.scrollIntoView({ block: "start" });
                }
              : undefined
          }
        />
      </Card>
      {canChange && (
        <Card aria-labelledby="quota-form-title">
          <CardHeader
            titleId="quota-form-title"
            title={preset ? `Change the quota of ${describeEntity(preset.entity)}` : "Set a quota"}
            description="Type the values to set; tick Remove to lift one. You see old → new before anything changes."
          />
          <div className="px-5 py-4">
            <QuotaForm key={preset?.key ?? 0} cluster={cluster} entries={entries} preset={preset} />
          </div>
        </Card>
      )}
    </div>
  );
}
