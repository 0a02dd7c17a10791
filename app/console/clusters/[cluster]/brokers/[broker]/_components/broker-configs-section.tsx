import { alterBrokerConfigs } from "@/lib/actions/alter-broker-configs";
import { ConfigEditor } from "@/components/configs/config-editor";
import { defaultConfigEntries } from "@/components/brokers/default-config-entries";
import { CLUSTER_PROBLEM_HEADINGS } from "@/components/cluster/cluster-problem-panel";
import { ProblemAlert } from "@/components/cluster/problem-alert";
import { Card, CardHeader } from "@/components/ui/card";
import type { ClusterProblem } from "@/lib/schemas/cluster";
import type { ConfigEntry } from "@/lib/schemas/configs";

type ConfigsRead = { ok: true; data: ConfigEntry[] } | { ok: false; problem: ClusterProblem };

/**
 * The broker's Configs tab: its own configs (per-broker dynamic values editable by admins, static ones
 * read-only) and the cluster-wide default every broker inherits, both with sources and documentation.
 */
export function BrokerConfigsSection({
  cluster,
  nodeId,
  canEdit,
  own,
  defaults,
}: {
  cluster: string;
  nodeId: number;
  canEdit: boolean;
  own: ConfigsRead;
  defaults: ConfigsRead;
}) {
  if (!own.ok)
    return (
      <ProblemAlert
        heading={`The configs of broker ${nodeId} cannot be read: ${CLUSTER_PROBLEM_HEADINGS[own.problem.kind]}`}
        problem={own.problem}
      />
    );
  const edit = canEdit
    ? "Edit or reset, review old → new as the broker checked it, then apply; every change is audited."
    : "";
  return (
    <div className="space-y-6">
      <Card aria-labelledby="broker-configs-title">
        <CardHeader
          titleId="broker-configs-title"
          title={`Broker ${nodeId}`}
          description={`This broker's configs with where each value comes from; read-only ones change only in server.properties and a restart. ${edit}`}
        />
        <ConfigEditor
          resource={{ type: "broker", id: nodeId }}
          entries={own.data}
          canEdit={canEdit}
          target={{ cluster, broker: nodeId }}
          action={canEdit ? alterBrokerConfigs : undefined}
        />
      </Card>
      <Card aria-labelledby="default-configs-title">
        <CardHeader
          titleId="default-configs-title"
          title="Cluster-wide default"
          description={`Dynamic configs every broker inherits unless it sets its own. Where no default is set, the value shown is what broker ${nodeId} falls back to. ${edit}`}
        />
        {defaults.ok ? (
          <ConfigEditor
            resource={{ type: "broker-default" }}
            entries={defaultConfigEntries(own.data, defaults.data)}
            canEdit={canEdit}
            target={{ cluster, broker: "default" as const }}
            action={canEdit ? alterBrokerConfigs : undefined}
          />
        ) : (
          <div className="p-5">
            <ProblemAlert
              heading={`The cluster-wide default cannot be read: ${CLUSTER_PROBLEM_HEADINGS[defaults.problem.kind]}`}
              problem={defaults.problem}
            />
          </div>
        )}
      </Card>
    </div>
  );
}
