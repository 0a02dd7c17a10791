import { useId } from "react";
import type { ApiVersionRange, FinalizedFeature } from "@/lib/schemas/cluster";
import { Card, CardHeader } from "@/components/ui/card";

/** ApiVersions v3 (Kafka 2.7+, KIP-584) carries the finalized features; below it they are unknowable. */
const answersFeatures = (apiVersions: readonly ApiVersionRange[]) =>
  apiVersions.some((api) => api.apiKey === 18 && api.maxVersion >= 3);

/** The cluster's finalized features (metadata.version, kraft.version, …) as the broker reported them. */
export function FeaturesCard({
  features,
  apiVersions,
}: {
  features: FinalizedFeature[];
  apiVersions: ApiVersionRange[];
}) {
  const titleId = useId();
  const supported = answersFeatures(apiVersions);
  const sorted = [...features].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader
        title="Finalized features"
        titleId={titleId}
        description="The feature levels the whole cluster has agreed on (ApiVersions)."
      />
      {!supported ? (
        <p className="px-5 py-4 text-sm text-zinc-600 dark:text-zinc-400">
          Unavailable: this cluster answers ApiVersions below v3 (ApiKey 18), which carries no features.
        </p>
      ) : sorted.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-600 dark:text-zinc-400">
          The cluster finalizes no feature.
        </p>
      ) : (
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 px-5 py-4 text-sm sm:grid-cols-3">
          {sorted.map((feature) => (
            <div key={feature.name} className="min-w-0">
              <dt className="truncate font-mono text-zinc-600 dark:text-zinc-400">{feature.name}</dt>
              <dd className="font-mono">
                {feature.minVersionLevel === feature.maxVersionLevel
                  ? feature.maxVersionLevel
                  : `${feature.minVersionLevel}–${feature.maxVersionLevel}`}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
