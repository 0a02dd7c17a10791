import type { Role } from "@/lib/schemas/auth";
import { Badge, type Tone } from "@/components/ui/badge";

const roleTone: Record<Role, Tone> = { viewer: "neutral", operator: "info", admin: "warning" };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={roleTone[role]}>{role}</Badge>;
}
