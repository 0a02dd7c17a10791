// Every page path of the console, in one module: links, redirects, form actions and revalidatePath
// read these, never a literal. A page that belongs to a cluster takes the cluster's name first: the
// routes become /console/clusters/{cluster}/… soon, and only clusterRoot changes with them.

/** Where a cluster's pages live. One cluster's pages sit at /console until the routes carry the name. */
function clusterRoot(cluster: string): string {
  void cluster;
  return "/console";
}

const query = (params: URLSearchParams): string => (params.size > 0 ? `?${params}` : "");

// Outside any cluster: the console's landing page, signing in, one's account, the admin pages.
export const consolePath = () => "/console";
export const loginPath = (options: { next?: string; reason?: "expired" | "signed-out" } = {}) => {
  const params = [
    options.next !== undefined ? `next=${encodeURIComponent(options.next)}` : "",
    options.reason ? `reason=${options.reason}` : "",
  ].filter(Boolean);
  return params.length > 0 ? `/login?${params.join("&")}` : "/login";
};
export const passwordChangePath = (next?: string) =>
  next === undefined ? "/account/password" : `/account/password?next=${encodeURIComponent(next)}`;
export const adminPath = () => "/console/admin";
export const usersPath = () => "/console/admin/users";
export const apiTokensPath = () => "/console/admin/tokens";
/** The audit trail; `search` is the filters' query string as lib/queries/audit.ts builds it. */
export const auditPath = (search = "") => `/console/audit${search}`;

// A cluster's pages.
export const clusterOverviewPath = (cluster: string) => clusterRoot(cluster);

/** The topic list, keeping the search, the internal switch and the page. */
export function topicsPath(cluster: string, params: { q?: string; internal?: boolean; page?: number } = {}) {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.internal) search.set("internal", "1");
  if (params.page && params.page > 1) search.set("page", String(params.page));
  return `${clusterRoot(cluster)}/topics${query(search)}`;
}

export function topicPath(cluster: string, topic: string, tab?: "messages" | "partitions" | "produce") {
  const path = `${clusterRoot(cluster)}/topics/${encodeURIComponent(topic)}`;
  return tab && tab !== "messages" ? `${path}?tab=${tab}` : path;
}

export const consumerGroupsPath = (cluster: string) => `${clusterRoot(cluster)}/groups`;
export const securityPath = (cluster: string) => `${clusterRoot(cluster)}/security`;

/** The ACL page; a principal pre-fills the create form, a resource opens "who may do what" on it. */
export function aclsPath(
  cluster: string,
  focus: { principal?: string; resource?: { type: "TOPIC" | "GROUP"; name: string } } = {},
) {
  const base = `${clusterRoot(cluster)}/security/acls`;
  if (focus.principal !== undefined) return `${base}?principal=${encodeURIComponent(focus.principal)}`;
  if (focus.resource) {
    const { type, name } = focus.resource;
    return `${base}?resource=${type.toLowerCase()}:${encodeURIComponent(name)}`;
  }
  return base;
}

// Certificates (one CA for every cluster).
/** The certificate tools; `search` is the inventory's query string as lib/queries/certificates.ts builds it. */
export const certificatesPath = (search = "") => `/tools/certificates${search}`;
export const certificatePath = (serialNumber: string) => `/tools/certificates/${serialNumber}`;
/** The public CA certificates and CRL. */
export const caPath = () => "/tools/ca";
