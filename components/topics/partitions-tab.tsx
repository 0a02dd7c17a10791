import { can } from "@/lib/permissions";
import type { Role } from "@/lib/schemas/auth";
import { Card, CardHeader } from "@/components/ui/card";
import { AddPartitionsCard } from "./add-partitions-card";
import { DeleteRecordsCard } from "./delete-records-card";
import { DeleteTopicCard } from "./delete-topic-card";
import { PartitionsTable, type PartitionRow, type PartitionSizeRow } from "./partitions-table";
import { TopicBrokerSizes, type BrokerSizeRow } from "./topic-broker-sizes";
import { formatSize } from "./topic-figures";

/**
 * The Partitions tab: partitions with watermarks and sizes, the topic's bytes per broker, and what
 * the role may do: add partitions and delete records (operators), delete the topic (admins).
 */
export function PartitionsTab({
  cluster,
  role,
  details,
  sizes,
  sizesProblem,
}: {
  cluster: string;
  role: Role;
  details: { name: string; internal: boolean; partitions: PartitionRow[] };
  /** Null when DescribeLogDirs gave nothing; the partitions still show. */
  sizes: { partitions: PartitionSizeRow[]; brokers: BrokerSizeRow[]; totalBytes: string | null } | null;
  sizesProblem?: string;
}) {
  const partitions = details.partitions.map((partition) => partition.partition);
  const changeable = !details.internal;
  return (
    <div className="space-y-6">
      <Card aria-labelledby="partitions-title">
        <CardHeader
          titleId="partitions-title"
          title="Partitions"
          description={`Watermarks and sizes as of loading the page; messages ≈ high − low (approximate for compacted and transactional topics).${
            sizes?.totalBytes ? ` ${formatSize(sizes.totalBytes)} on disk over all replicas.` : ""
          }`}
        />
        <PartitionsTable
          partitions={details.partitions}
          labelledBy="partitions-title"
          sizes={sizes?.partitions}
        />
      </Card>
      <Card aria-labelledby="broker-sizes-title">
        <CardHeader
          titleId="broker-sizes-title"
          title="Size per broker"
          description="The topic's replicas on each broker's log directories (DescribeLogDirs)."
        />
        {sizes ? (
          <TopicBrokerSizes brokers={sizes.brokers} labelledBy="broker-sizes-title" />
        ) : (
          <p className="px-5 py-4 text-sm text-zinc-500">
            {sizesProblem ? `Sizes unavailable: ${sizesProblem}.` : "No sizes reported."}
          </p>
        )}
      </Card>
      {changeable && can(role, "topic.configure") && (
        <AddPartitionsCard cluster={cluster} topic={details.name} current={partitions.length} />
      )}
      {changeable && can(role, "topic.deleteRecords") && (
        <DeleteRecordsCard cluster={cluster} topic={details.name} partitions={partitions} />
      )}
      {changeable && can(role, "topic.delete") && <DeleteTopicCard cluster={cluster} topic={details.name} />}
    </div>
  );
}
