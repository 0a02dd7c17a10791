import type { Tone } from "@/components/ui/badge";
import type { RegistryHealth } from "@/lib/schemas/schema-registry";

export interface RegistryHealthView {
  label: string;
  tone: Tone;
  /** The reason, in one line, when unreachable. */
  detail?: string;
}

/** "Registry: reachable", "Registry: unreachable" (with the reason) or "Registry: not configured". */
export function describeRegistryHealth(health: RegistryHealth): RegistryHealthView {
  switch (health.state) {
    case "not-configured":
      return { label: "Registry: not configured", tone: "neutral" };
    case "reachable":
      return { label: "Registry: reachable", tone: "success" };
    case "unreachable":
      return {
        label: "Registry: unreachable",
        tone: "danger",
        detail: health.problem.code
          ? `${health.problem.title} (${health.problem.code})`
          : health.problem.title,
      };
  }
}
