import "server-only";

// The brokers' host names and addresses, which only admins may put in a certificate: every
// configured cluster's bootstrap hosts, plus the hosts each cluster's metadata reports (advertised
// listeners often differ from the bootstrap address). Metadata is cached; an unreachable cluster
// never holds issuing for longer than one short deadline, and only until its first answer or failure.

/** "host:9092" → "host"; "[2001:db8::1]:9092" → "2001:db8::1"; a bare host stays as it is. */
export function hostOfAddress(address: string): string {
  const trimmed = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed);
  if (bracketed) return bracketed[1]!;
  const colons = trimmed.split(":").length - 1;
  // More than one colon without brackets is an IPv6 address without a port.
  return colons === 1 ? trimmed.slice(0, trimmed.lastIndexOf(":")) : trimmed;
}

/** The hosts a cluster's metadata names, or undefined when the cluster could not be asked. */
export type MetadataHostLookup = (cluster: string) => Promise<string[] | undefined>;

export interface BrokerHostDirectoryOptions {
  lookup: MetadataHostLookup;
  /** How long an issue waits for a cluster never asked before; later ones use the cache. */
  deadlineMs?: number;
  /** How long an answer is used before it is asked again (in the background). */
  freshMs?: number;
  /** After a failed lookup: how soon to ask again. */
  retryMs?: number;
  now?: () => number;
}

interface CachedHosts {
  hosts: string[];
  checkedAt: number;
  refreshing?: Promise<void>;
}

export function createBrokerHostDirectory({
  lookup,
  deadlineMs = 3_000,
  freshMs = 5 * 60_000,
  retryMs = 30_000,
  now = Date.now,
}: BrokerHostDirectoryOptions) {
  const cache = new Map<string, CachedHosts>();

  function refresh(cluster: string, entry: CachedHosts): Promise<void> {
    entry.refreshing ??= lookup(cluster)
      .catch(() => undefined)
      .then((hosts) => {
        // A failed lookup keeps what the cluster reported before: its brokers did not go away.
        if (hosts) entry.hosts = hosts;
        entry.checkedAt = hosts ? now() : now() - freshMs + retryMs;
        entry.refreshing = undefined;
      });
    return entry.refreshing;
  }

  async function reportedHosts(cluster: string): Promise<string[]> {
    const cached = cache.get(cluster);
    if (cached) {
      if (now() - cached.checkedAt > freshMs) void refresh(cluster, cached);
      return cached.hosts;
    }
    const entry: CachedHosts = { hosts: [], checkedAt: 0 };
    cache.set(cluster, entry);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
    await Promise.race([refresh(cluster, entry), deadline]);
    clearTimeout(timer);
    return entry.hosts;
  }

  return {
    /** Bootstrap hosts of each cluster and what its metadata reports, without duplicates. */
    async hostsOf(clusters: readonly { name: string; bootstrapBrokers: readonly string[] }[]) {
      const reported = await Promise.all(clusters.map((cluster) => reportedHosts(cluster.name)));
      const bootstrap = clusters.flatMap((cluster) => cluster.bootstrapBrokers.map(hostOfAddress));
      return [...new Set([...bootstrap, ...reported.flat()])];
    },
  };
}
