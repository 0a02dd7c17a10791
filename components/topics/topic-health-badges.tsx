import { Badge } from "@/components/ui/badge";

/** Offline and under-replicated partition counts as badges; nothing when the topic is healthy. */
export function TopicHealthBadges({
  offline,
  underReplicated,
}: {
  offline: number;
  underReplicated: number;
}) {
  return (
    <>
      {offline > 0 && <Badge tone="danger">{offline} offline</Badge>}
      {underReplicated > 0 && <Badge tone="warning">{underReplicated} under-replicated</Badge>}
    </>
  );
}
