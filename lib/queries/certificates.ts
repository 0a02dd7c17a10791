// Shared by the certificate pages, their components and actions: file names, snippet languages and
// the inventory's URL (its filters and page live in the query string, so every view is a link).
import type { CertificateStatus } from "@/lib/schemas/certificates";
import { CERTIFICATE_STATUSES } from "@/lib/schemas/certificates";
import { aclsPath } from "@/lib/paths";

/** File names on the result page; the connection snippets name the same files. */
export const CERTIFICATE_FILES = {
  cert: "cert.pem",
  key: "key.pem",
  chain: "chain.pem",
  ca: "ca.pem",
  zip: "certificate.zip",
  pkcs12: "client.p12",
} as const;

export const SNIPPET_LANGUAGES = [
  { id: "kafkajs", label: "kafkajs" },
  { id: "java", label: "Java" },
  { id: "python", label: "Python" },
  { id: "kcat", label: "kcat" },
] as const;

export type ConnectionSnippets = Record<(typeof SNIPPET_LANGUAGES)[number]["id"], string>;

export interface InventoryFilters {
  q?: string;
  status?: CertificateStatus;
  cursor?: string;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The inventory's filters from the page's search params; unknown statuses are dropped, not errors. */
export function parseInventoryFilters(params: SearchParams): InventoryFilters {
  const status = first(params.status);
  return {
    q: first(params.q)?.slice(0, 200),
    status: CERTIFICATE_STATUSES.find((known) => known === status),
    cursor: first(params.cursor)?.slice(0, 200),
  };
}

/** "?q=…&status=…&cursor=…" without empty values, "" when there are none. */
export function inventorySearchString(filters: InventoryFilters): string {
  const params = new URLSearchParams();
  for (const name of ["q", "status", "cursor"] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params.size > 0 ? `?${params}` : "";
}

/** The cluster's ACL page, pre-filled with the principal the broker derives from this CN. */
export function grantAccessHref(cluster: string, commonName: string): string {
  return aclsPath(cluster, { principal: `User:${commonName}` });
}
