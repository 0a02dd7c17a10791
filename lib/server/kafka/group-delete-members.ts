// Which members stand in the way of a delete, and how they are named in the refusal.
import type { GroupMember } from "./group-members";

/** Members subscribed to the topic (KIP-848 reports subscriptions) or holding any of its partitions. */
export function membersOnTopic(members: readonly GroupMember[], topic: string): GroupMember[] {
  return members.filter(
    (member) =>
      member.subscribedTopics?.includes(topic) ||
      member.assignment?.some((held) => held.topic === topic) ||
      member.targetAssignment?.some((held) => held.topic === topic),
  );
}

/** "has 2 active members: app (member m-1 on /10.0.0.1), …", at most five named. */
export function membersNamed(members: readonly GroupMember[], doing = "active"): string {
  if (members.length === 0) return `has members ${doing === "active" ? "" : `${doing} `}`.trimEnd();
  const shown = members.slice(0, 5).map((member) => {
    const client = member.clientId || "(no client id)";
    return `${client} (member ${member.memberId}${member.clientHost ? ` on ${member.clientHost}` : ""})`;
  });
  const more = members.length > 5 ? ` and ${members.length - 5} more` : "";
  const noun = `member${members.length === 1 ? "" : "s"}`;
  const counted =
    doing === "active" ? `${members.length} active ${noun}` : `${members.length} ${noun} ${doing}`;
  return `has ${counted}: ${shown.join(", ")}${more}`;
}
