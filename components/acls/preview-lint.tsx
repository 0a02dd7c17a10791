import type { AclLintFinding } from "@/lib/acl/lint";
import { Badge } from "@/components/ui/badge";
import { SEVERITY_TONES } from "./lint-flag";

/** The linter's findings about the previewed bindings, worst first, before anything is created. */
export function PreviewLint({ findings }: { findings: readonly AclLintFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <div className="space-y-1.5">
      <p className="text-sm font-medium">
        {findings.length === 1 ? "1 lint finding" : `${findings.length} lint findings`}: check before creating
      </p>
      <ul aria-label="Lint findings for these bindings" className="space-y-1.5">
        {findings.map((finding, index) => (
          <li key={`${finding.code}-${index}`} className="flex items-start gap-2 text-sm break-words">
            <Badge tone={SEVERITY_TONES[finding.severity]}>{finding.severity}</Badge>
            <span>
              {finding.message} <span className="font-mono text-xs text-zinc-500">({finding.code})</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
