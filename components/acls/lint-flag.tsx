import type { AclLintCode, AclLintFinding, AclLintSeverity } from "@/lib/acl/lint";
import { Badge, type Tone } from "@/components/ui/badge";

const LABELS: Record<AclLintCode, string> = {
  "wildcard-principal": "Never matches",
  "principal-type": "Not a User: principal",
  "shadowed-by-deny": "Shadowed by a DENY",
  duplicate: "Duplicate",
  "unknown-topic": "No such topic",
  "unknown-group": "No such group",
  "certificate-without-acls": "No ACLs",
};

export const SEVERITY_TONES: Record<AclLintSeverity, Tone> = {
  error: "danger",
  warning: "warning",
  info: "info",
};

/**
 * The worst error or warning about a binding or a principal, as a badge; every message in its title
 * and for screen readers. Information (a topic that does not exist yet) stays in the lint panel.
 */
export function LintFlag({ findings }: { findings: readonly AclLintFinding[] | undefined }) {
  const flagged = findings?.filter((finding) => finding.severity !== "info") ?? [];
  const worst = flagged[0];
  if (!worst) return null;
  const messages = flagged.map((finding) => finding.message).join("\n");
  return (
    <span title={messages} className="inline-flex">
      <Badge tone={SEVERITY_TONES[worst.severity]}>
        {LABELS[worst.code]}
        {flagged.length > 1 ? ` +${flagged.length - 1}` : ""}
      </Badge>
      <span className="sr-only">: {messages}</span>
    </span>
  );
}
