import type { CertificateStatus } from "@/lib/schemas/certificates";
import { Badge, type Tone } from "@/components/ui/badge";

const TONES: Record<CertificateStatus, Tone> = {
  valid: "success",
  expiring: "warning",
  expired: "neutral",
  revoked: "danger",
};

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}
