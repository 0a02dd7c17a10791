// Every page path of the console, in one module: links, redirects, form actions and revalidatePath
// read these, never a literal. A page that belongs to a cluster takes the cluster's name first and
// lives under /console/clusters/{cluster}/…, mirroring /api/v1/clusters/{cluster}.

/** Where a cluster's pages live. */
function clusterRoot(cluster: string): string {
  return `/console/clusters/${encodeURIComponent(cluster)}`;
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

/** Every configured cluster with its health. */
export const clustersPath = () => "/console/clusters";

// A cluster's pages.
export const clusterOverviewPath = (cluster: string) => clusterRoot(cluster);

/** The topic list, keeping the search, the internal switch and the page. */
export function topicsPath(
  cluster: string,
  params: { q?: string; internal?: boolean; page?: number; sort?: string } = {},
) {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.internal) search.set("internal", "1");
  if (params.sort && params.sort !== "name") search.set("sort", params.sort);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  return `${clusterRoot(cluster)}/topics${query(search)}`;
}

export function topicPath(
  cluster: string,
  topic: string,
  tab?: "messages" | "partitions" | "configs" | "consumers" | "produce",
) {
  const path = `${clusterRoot(cluster)}/topics/${encodeURIComponent(topic)}`;
  return tab && tab !== "messages" ? `${path}?tab=${tab}` : path;
}

/** One record in the topic's inspector: a search from its offset in its partition that opens its drawer (`open`). */
export function topicMessagePath(cluster: string, topic: string, partition: number, offset: string, max = 1) {
  const search = new URLSearchParams({
    start: "offset",
    partition: String(partition),
    offset,
    max: String(max),
    open: `${partition}:${offset}`,
  });
  return `${topicPath(cluster, topic)}?${search}`;
}

/** The create-topic page (not under /topics: a topic may be called "new"); `like` fills the form from another topic's partitions, replication and configs. */
export function newTopicPath(cluster: string, like?: string) {
  const search = new URLSearchParams();
  if (like) search.set("like", like);
  return `${clusterRoot(cluster)}/create-topic${query(search)}`;
}

export const brokersPath = (cluster: string) => `${clusterRoot(cluster)}/brokers`;
export const brokerPath = (cluster: string, nodeId: number, tab?: "configs") =>
  `${brokersPath(cluster)}/${nodeId}${tab ? `?tab=${tab}` : ""}`;
/** KRaft quorum and finalized features. */
export const quorumPath = (cluster: string) => `${clusterRoot(cluster)}/quorum`;
export const quotasPath = (cluster: string) => `${clusterRoot(cluster)}/quotas`;

/** The cluster's schema registry subjects, searched and paged (`?q=`, `?page=`). */
export function schemaSubjectsPath(cluster: string, params: { q?: string; page?: number } = {}) {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  return `${clusterRoot(cluster)}/schema-registry${query(search)}`;
}
/** A subject's page: the selected version (latest when absent) and a diff between two versions. */
export function schemaSubjectPath(
  cluster: string,
  subject: string,
  params: { version?: number; from?: number; to?: number } = {},
) {
  const search = new URLSearchParams();
  if (params.version) search.set("version", String(params.version));
  if (params.from && params.to) {
    search.set("from", String(params.from));
    search.set("to", String(params.to));
  }
  return `${clusterRoot(cluster)}/schema-registry/subjects/${encodeURIComponent(subject)}${query(search)}`;
}
/** A schema by its registry id, with the subjects and versions that use it. */
export const schemaByIdPath = (cluster: string, id: number) =>
  `${clusterRoot(cluster)}/schema-registry/schemas/${id}`;
export const scramUsersPath = (cluster: string) => `${clusterRoot(cluster)}/security/users`;

/** The group list, keeping the search, the filters, the sort and the page. */
export function consumerGroupsPath(
  cluster: string,
  params: { q?: string; type?: string; state?: string; topic?: string; sort?: string; page?: number } = {},
) {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.type) search.set("type", params.type);
  if (params.state) search.set("state", params.state);
  if (params.topic) search.set("topic", params.topic);
  if (params.sort && params.sort !== "name") search.set("sort", params.sort);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  return `${clusterRoot(cluster)}/groups${query(search)}`;
}

export const consumerGroupPath = (cluster: string, group: string) =>
  `${clusterRoot(cluster)}/groups/${encodeURIComponent(group)}`;
export const consumerGroupResetPath = (cluster: string, group: string) =>
  `${consumerGroupPath(cluster, group)}/reset`;
/** The REST export the reset page's download links use (a GET with the session works). */
export const consumerGroupOffsetsExportPath = (cluster: string, group: string, format: "csv" | "json") =>
  `/api/v1/clusters/${encodeURIComponent(cluster)}/groups/${encodeURIComponent(group)}/offsets/export?format=${format}`;
export const securityPath = (cluster: string) => `${clusterRoot(cluster)}/security`;

/** The ACL page's tabs (`?tab=`); without one, Bindings (or By resource when a resource is named). */
export const ACL_TABS = ["bindings", "lint", "check", "resource"] as const;
export type AclTab = (typeof ACL_TABS)[number];

/** The ACL page; a principal pre-fills the create form, a resource opens "who may do what" on it. */
export function aclsPath(
  cluster: string,
  focus: { principal?: string; resource?: { type: "TOPIC" | "GROUP"; name: string }; tab?: AclTab } = {},
) {
  const base = `${clusterRoot(cluster)}/security/acls`;
  const tab = focus.tab ? `tab=${focus.tab}` : "";
  if (focus.principal !== undefined)
    return `${base}?principal=${encodeURIComponent(focus.principal)}${tab && `&${tab}`}`;
  if (focus.resource) {
    const { type, name } = focus.resource;
    return `${base}?resource=${type.toLowerCase()}:${encodeURIComponent(name)}${tab && `&${tab}`}`;
  }
  return tab ? `${base}?${tab}` : base;
}

// Certificates (one CA for every cluster).
/** The certificate tools; `search` is the inventory's query string as lib/queries/certificates.ts builds it. */
export const certificatesPath = (search = "") => `/tools/certificates${search}`;
export const certificatePath = (serialNumber: string) => `/tools/certificates/${serialNumber}`;
/** The public CA certificates and CRL. */
export const caPath = () => "/tools/ca";

// The addresses from before clusters were in the URL (/console/topics, /console/security/acls, …).
const LEGACY_CLUSTER_PAGES = new Set(["topics", "groups", "security"]);

/**
 * Where an address without a cluster leads on `cluster`: /console/topics/orders?tab=produce becomes
 * /console/clusters/{cluster}/topics/orders?tab=produce. Undefined for what never was a cluster's page.
 * `segments` are decoded path segments after /console; `search` is the query string with its "?".
 */
export function legacyConsolePath(
  cluster: string,
  segments: readonly string[],
  search = "",
): string | undefined {
  if (segments.length > 0 && !LEGACY_CLUSTER_PAGES.has(segments[0] ?? "")) return undefined;
  const rest = segments.map((segment) => `/${encodeURIComponent(segment)}`).join("");
  return `${clusterRoot(cluster)}${rest}${search}`;
}

/**
 * The same kind of page on another cluster, for the cluster switcher: a topic leads to the other
 * cluster's topic list (it may have no such topic), a filtered ACL page to its whole ACL page, any
 * page outside a cluster to the other cluster's overview. A topic or group list keeps its search,
 * filters and sort (`search`, the query string with its "?"), not its page number.
 */
export function sameKindOfPage(pathname: string, cluster: string, search = ""): string {
  const match = /^\/console\/clusters\/[^/]+(\/[^?#]*)?/.exec(pathname);
  const segments = match?.[1]?.split("/").filter(Boolean) ?? [];
  const list = segments.length === 1 ? listQuery(search) : "";
  switch (segments[0]) {
    case "topics":
      return `${topicsPath(cluster)}${list}`;
    case "groups":
      return `${consumerGroupsPath(cluster)}${list}`;
    case "brokers":
      return brokersPath(cluster);
    case "quorum":
      return quorumPath(cluster);
    case "security":
      return segments[1] === "users" ? scramUsersPath(cluster) : aclsPath(cluster);
    case "quotas":
      return quotasPath(cluster);
    case "schema-registry":
      return `${schemaSubjectsPath(cluster)}${list}`;
    default:
      return clusterOverviewPath(cluster);
  }
}

function listQuery(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  return query(params);
}
