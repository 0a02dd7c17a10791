import Link from "next/link";
import type { AclLintFinding, AclLintSeverity } from "@/lib/acl/lint";
import { Badge, type Tone } from "@/components/ui/badge";
import { BindingList } from "./binding-list";
import { aclsPath } from "@/lib/paths";

const SEVERITIES: { severity: AclLintSeverity; heading: string; tone: Tone }[] = [
  { severity: "error", heading: "Errors", tone: "danger" },
  { severity: "warning", heading: "Warnings", tone: "warning" },
  { severity: "info", heading: "Information", tone: "info" },
];

/** The linter's findings, worst first, each with the bindings it is about. */
export function AclLintPanel({
  cluster,
  findings,
  canCreate,
}: {
  cluster: string;
  findings: AclLintFinding[];
  canCreate: boolean;
}) {
  if (findings.length === 0) {
    return <p className="px-5 py-4 text-sm text-zinc-600 dark:text-zinc-400">No findings.</p>;
  }
  return (
    <div className="space-y-4 px-5 py-4">
      {SEVERITIES.map(({ severity, heading, tone }) => {
        const ofSeverity = findings.filter((finding) => finding.severity === severity);
        if (ofSeverity.length === 0) return null;
        return (
          <section key={severity} aria-label={`${heading} (${ofSeverity.length})`} className="space-y-2">
            <h3 className="flex items-center gap-2 text-sm font-semibold">
              <Badge tone={tone}>{heading}</Badge> {ofSeverity.length}
            </h3>
            <ul className="space-y-3">
              {ofSeverity.map((finding, index) => (
                <li key={`${finding.code}-${index}`} className="space-y-1">
                  <p className="text-sm break-words">
                    {finding.message}{" "}
                    <span className="font-mono text-xs text-zinc-500">({finding.code})</span>
                  </p>
                  {finding.bindings.length > 0 && (
                    <BindingList bindings={finding.bindings} label={`Bindings of finding ${index + 1}`} />
                  )}
                  {finding.principal && canCreate && (
                    <Link
                      href={`${aclsPath(cluster, { principal: finding.principal })}#create`}
                      className="text-xs underline underline-offset-2"
                    >
                      Create bindings for {finding.principal}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
