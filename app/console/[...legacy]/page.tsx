import { redirectToDefaultCluster } from "../_lib/legacy-redirect";

type Params = Promise<{ legacy: string[] }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// /console/topics, /console/topics/{topic}, /console/groups, /console/security/acls: the default cluster's pages.
export default async function LegacyClusterPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  // Next hands over segments still encoded in some versions; topic names never contain "%".
  const segments = (await params).legacy.map((segment) =>
    segment.includes("%") ? decodeURIComponent(segment) : segment,
  );
  return redirectToDefaultCluster(segments, searchParams);
}
