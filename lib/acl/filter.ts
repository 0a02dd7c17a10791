// The list filters of the page and of GET /api/v1/clusters/{cluster}/acls: exact fields plus free text.
import type { AclFilter } from "@/lib/schemas/acls";

import { describeBinding, type AclBinding } from "./types";

const EXACT_FIELDS = [
  "principal",
  "host",
  "resourceType",
  "resourceName",
  "patternType",
  "operation",
  "permission",
] as const;

export function filterBindings(bindings: readonly AclBinding[], filter: AclFilter): AclBinding[] {
  const query = filter.q?.trim().toLowerCase();
  return bindings.filter(
    (binding) =>
      EXACT_FIELDS.every((field) => filter[field] === undefined || binding[field] === filter[field]) &&
      (!query || describeBinding(binding).toLowerCase().includes(query)),
  );
}
