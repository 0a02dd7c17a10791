"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { tokenCredentials } from "./token-status";

interface TokenUsageProps {
  tokenId: string;
  value: string;
  /** A configured cluster for the example URL; a placeholder when there is none. */
  cluster?: string;
}

/** How a client presents the new token, with this console's address filled in. */
export function TokenUsage({ tokenId, value, cluster }: TokenUsageProps) {
  const hydrated = useHydrated();
  // The address the admin reached the console by, which a proxy may rename on the server side.
  const origin = hydrated ? window.location.origin : "https://console.example";
  const url = `${origin}/api/v1/clusters/${encodeURIComponent(cluster ?? "<cluster>")}/status`;
  const { bearer, basicSecret } = tokenCredentials(tokenId, value);
  return (
    <div className="space-y-2 text-sm">
      <p>As a Bearer token:</p>
      <pre className="overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 dark:bg-zinc-950">
        {`curl -H "Authorization: Bearer ${bearer}" \\\n  ${url}`}
      </pre>
      <p>Or with HTTP Basic, the token&apos;s id as user name and its secret as password:</p>
      <pre className="overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 dark:bg-zinc-950">
        {`curl -u ${tokenId}:${basicSecret ?? "<secret>"} \\\n  ${url}`}
      </pre>
    </div>
  );
}
