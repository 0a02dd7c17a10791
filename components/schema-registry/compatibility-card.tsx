import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";

import { CompatibilityForm } from "./compatibility-form";
import { RegistryProblem } from "./registry-problem";

type Problem = { title: string; hint: string; code?: string };

/**
 * The compatibility level that applies (global, or a subject's with "inherited from global" when it
 * has none of its own) and the mode, "Unavailable" where the registry has no mode (Apicurio).
 * Admins change the level here.
 */
export function CompatibilityCard({
  cluster,
  subject,
  level,
  mode,
  canConfigure,
}: {
  cluster: string;
  subject?: string;
  /** The level that applies, or the registry's problem reading it. */
  level: { ok: true; data: { compatibility: string; inherited: boolean } } | { ok: false; problem?: Problem };
  /** null: the registry has no mode (Apicurio). */
  mode: { ok: true; data: string | null } | { ok: false };
  canConfigure: boolean;
}) {
  return (
    <Card aria-labelledby="compatibility-title">
      <CardHeader
        titleId="compatibility-title"
        title={subject ? "Compatibility" : "Global compatibility"}
        description="Which earlier versions a new version must stay compatible with."
      />
      <div className="space-y-4 p-5">
        {!level.ok && level.problem && (
          <RegistryProblem
            heading="The registry could not say its compatibility level"
            problem={level.problem}
          />
        )}
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-6 gap-y-2 text-sm">
          <dt className="text-zinc-500 dark:text-zinc-400">Compatibility level</dt>
          <dd className="flex items-center gap-2" aria-label="Compatibility level">
            {level.ok ? (
              <>
                <span className="font-mono">{level.data.compatibility}</span>
                {level.data.inherited && <Badge tone="info">inherited from global</Badge>}
              </>
            ) : (
              "Unknown"
            )}
          </dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Mode</dt>
          <dd aria-label="Mode" className="font-mono">
            {mode.ok ? (mode.data ?? "Unavailable") : "Unavailable"}
          </dd>
        </dl>
        {canConfigure && level.ok && (
          <CompatibilityForm
            cluster={cluster}
            subject={subject}
            current={subject && level.data.inherited ? "INHERIT" : level.data.compatibility}
          />
        )}
      </div>
    </Card>
  );
}
