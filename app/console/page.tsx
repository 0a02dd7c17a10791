import { redirectToDefaultCluster } from "./_lib/legacy-redirect";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The console's landing page: the default cluster's overview.
export default async function ConsolePage({ searchParams }: { searchParams: SearchParams }) {
  return redirectToDefaultCluster([], searchParams);
}
