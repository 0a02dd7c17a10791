// The parts every Confluent v3 answer carries: `kind`, `metadata.self` (an absolute URL on the
// console's public address), `metadata.resource_name` (a CRN) and `related` links; lists as
// `{kind: "…List", metadata: {self, next: null}, data: […]}`.

/** Where v3 resources live; `/v3/…` is rewritten here (next.config.js). */
export const V3_PREFIX = "/kafka/v3";

export interface ResourceMetadata {
  self: string;
  resource_name?: string;
}

export interface ListMetadata {
  self: string;
  next: string | null;
}

export interface Related {
  related: string;
}

/**
 * The base URL links are built on: the configured public URL (restProxy.publicUrl), else
 * CONSOLE_PUBLIC_URL (behind a load balancer), else the request's own origin;
 * X-Forwarded-Proto/-Host only when a trusted proxy writes them.
 */
export function publicBaseUrl(
  request: Request,
  options: { publicUrl?: string | null; trustProxy?: boolean } = {},
): string {
  const configured = options.publicUrl ?? process.env.CONSOLE_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(request.url);
  if (options.trustProxy) {
    const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
    if (host) return `${proto === "https" ? "https" : (proto ?? url.protocol.replace(":", ""))}://${host}`;
  }
  const host = request.headers.get("host");
  return host ? `${url.protocol}//${host}` : url.origin;
}

/** Builds absolute v3 URLs under one base: `links.url("clusters", id, "topics", name)`. */
export class ResourceLinks {
  constructor(readonly base: string) {}

  /** Each segment is URL-encoded (a topic name may hold dots, dashes, underscores). */
  url(...segments: (string | number)[]): string {
    const path = segments.map((segment) => encodeURIComponent(String(segment))).join("/");
    return `${this.base}${V3_PREFIX}${path ? `/${path}` : ""}`;
  }

  related(...segments: (string | number)[]): Related {
    return { related: this.url(...segments) };
  }
}

/** crn:///kafka=<id>/topic=<name>: pairs of type and id, as Confluent names resources. */
export function resourceName(...pairs: [type: string, id: string | number][]): string {
  return `crn://${pairs.map(([type, id]) => `/${type}=${String(id)}`).join("")}`;
}

export function resourceMetadata(self: string, name: string): ResourceMetadata {
  return { self, resource_name: name };
}

/** A list: `{kind, metadata: {self, next: null}, data}` (the console answers every item at once). */
export function resourceList<T>(kind: string, self: string, data: T[]) {
  return { kind, metadata: { self, next: null } satisfies ListMetadata, data };
}
