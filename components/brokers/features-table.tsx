import type { QuorumAndFeatures } from "@/lib/schemas/brokers";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { UnavailablePart } from "./unavailable-part";

const range = (min: number, max: number) => (min === max ? `${max}` : `${min}–${max}`);

/** Finalized feature levels (metadata.version, kraft.version, group.version, …) and what the broker supports. */
export function FeaturesTable({ features }: { features: QuorumAndFeatures["features"] }) {
  return (
    <Card aria-labelledby="features-title">
      <CardHeader
        titleId="features-title"
        title="Features"
        description={
          features.ok && features.epoch !== null
            ? `Finalized levels of the cluster and the levels the answering broker supports (ApiVersions), epoch ${features.epoch}.`
            : "Finalized levels of the cluster and the levels the answering broker supports (ApiVersions)."
        }
      />
      {!features.ok ? (
        <UnavailablePart what="Features" reason={features.reason} />
      ) : (
        <Table aria-labelledby="features-title">
          <TableHead>
            <tr>
              <TableHeaderCell>Feature</TableHeaderCell>
              <TableHeaderCell>Finalized level</TableHeaderCell>
              <TableHeaderCell>Supported</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {features.features.map((feature) => (
              <tr key={feature.name}>
                <TableCell className="font-mono text-xs">{feature.name}</TableCell>
                <TableCell className="tabular-nums">
                  {feature.finalized
                    ? range(feature.finalized.minVersionLevel, feature.finalized.maxVersionLevel)
                    : "not finalized"}
                </TableCell>
                <TableCell className="tabular-nums">
                  {feature.supported
                    ? range(feature.supported.minVersion, feature.supported.maxVersion)
                    : "—"}
                </TableCell>
              </tr>
            ))}
            {features.features.length === 0 && (
              <tr>
                <TableCell colSpan={3} className="text-zinc-600 dark:text-zinc-400">
                  The cluster reports no features (ZooKeeper mode, or a Kafka-API cluster without them).
                </TableCell>
              </tr>
            )}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
