import Link from "next/link";
import { grantAccessHref } from "@/lib/queries/certificates";
import { buttonClassName } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ChevronDownIcon, ShieldIcon } from "@/components/ui/icons";

/**
 * The CA is the console's, the ACLs are each cluster's: with one cluster "Grant access…" opens its ACL
 * page, with several it asks which one first.
 */
export function GrantAccessMenu({ clusters, commonName }: { clusters: string[]; commonName: string }) {
  const [only] = clusters;
  if (clusters.length === 1 && only !== undefined) {
    return (
      <Link href={grantAccessHref(only, commonName)} className={buttonClassName()}>
        <ShieldIcon />
        Grant access…
      </Link>
    );
  }
  return (
    <details className="relative">
      <summary className={cn(buttonClassName(), "cursor-pointer list-none")}>
        <ShieldIcon />
        Grant access…
        <ChevronDownIcon className="size-3.5 text-zinc-500" />
      </summary>
      <nav
        aria-label="Grant access on cluster"
        className="absolute right-0 z-50 mt-1 w-56 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      >
        <p className="px-3 pt-1.5 pb-2 text-xs text-zinc-600 dark:text-zinc-400">On which cluster?</p>
        <ul>
          {clusters.map((cluster) => (
            <li key={cluster}>
              <Link
                href={grantAccessHref(cluster, commonName)}
                className={cn(buttonClassName("ghost"), "w-full justify-start")}
              >
                {cluster}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
