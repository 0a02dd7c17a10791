import { ConfigEditor } from "@/components/configs/config-editor";
import { TopicsProblemPanel } from "@/components/topics/topics-problem-panel";
import { Card, CardHeader } from "@/components/ui/card";
import { alterTopicConfigs } from "@/lib/actions/alter-topic-configs";
import type { ClusterProblem } from "@/lib/schemas/cluster";
import type { ConfigEntry } from "@/lib/schemas/configs";

/** The topic's Configs tab: every config with its source and flags; operators edit and reset them. */
export function TopicConfigsSection({
  cluster,
  topic,
  configs,
  canEdit,
}: {
  cluster: string;
  topic: string;
  configs: { ok: true; data: ConfigEntry[] } | { ok: false; problem: ClusterProblem };
  canEdit: boolean;
}) {
  const resource = { type: "topic", name: topic } as const;
  if (!configs.ok)
    return (
      <TopicsProblemPanel heading={`The configs of ${topic} cannot be read`} problem={configs.problem} />
    );
  return (
    <Card aria-labelledby="configs-title">
      <CardHeader
        titleId="configs-title"
        title="Configs"
        description={
          canEdit
            ? "Values as the broker reports them, with where each comes from. Edit or reset, review old → new, then apply; every change is audited."
            : "Values as the broker reports them, with where each comes from."
        }
      />
      <ConfigEditor
        resource={resource}
        entries={configs.data}
        canEdit={canEdit}
        target={{ cluster, topic }}
        action={canEdit ? alterTopicConfigs : undefined}
      />
    </Card>
  );
}
