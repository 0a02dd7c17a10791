"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select, TextInput } from "@/components/ui/field";
import { deleteGroup } from "@/lib/actions/delete-group";
import { deleteGroupOffsets } from "@/lib/actions/delete-group-offsets";
import { consumerGroupsPath } from "@/lib/paths";

export interface CommittedTopic {
  topic: string;
  offsets: { partition: number; offset: string }[];
}

type Pending = { kind: "group" } | { kind: "offsets"; topic: CommittedTopic } | null;

/** Admins: delete the group (typing its id), or one topic's committed offsets (naming them). */
export function GroupDeleteCard({
  cluster,
  groupId,
  members,
  topics,
}: {
  cluster: string;
  groupId: string;
  /** Active members now; null when unknown. Kafka refuses while there are any, and so does the server. */
  members: number | null;
  topics: CommittedTopic[];
}) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending>(null);
  const [chosen, setChosen] = useState(topics[0]?.topic ?? "");
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string>();
  const [working, startWork] = useTransition();

  const close = () => {
    setPending(null);
    setTyped("");
    setError(undefined);
  };
  const confirm = () => {
    if (!pending) return;
    if (pending.kind === "group" && typed !== groupId) {
      setError(`Type the group id ${groupId} exactly to delete it.`);
      return;
    }
    startWork(async () => {
      const result =
        pending.kind === "group"
          ? await deleteGroup(null, { cluster, group: groupId })
          : await deleteGroupOffsets(null, { cluster, group: groupId, topic: pending.topic.topic });
      if (!result.ok) return setError(result.error);
      close();
      if (pending.kind === "group") router.push(consumerGroupsPath(cluster));
      else router.refresh();
    });
  };
  const selected = topics.find((committed) => committed.topic === chosen);

  return (
    <Card aria-labelledby="delete-title">
      <CardHeader
        titleId="delete-title"
        title="Delete"
        description={
          members
            ? `Kafka deletes a group, or a topic's offsets from it, only while no member reads them: the group has ${members} active ${members === 1 ? "member" : "members"} now.`
            : "Deleting cannot be undone; each deletion is recorded in the audit log."
        }
      />
      <div className="flex flex-wrap items-end gap-3 px-5 py-4 text-sm">
        {topics.length > 0 && (
          <>
            <label className="flex flex-col gap-1">
              <span className="font-medium">Topic</span>
              <Select
                aria-label="Topic whose offsets to delete"
                value={chosen}
                onChange={(event) => setChosen(event.target.value)}
              >
                {topics.map((committed) => (
                  <option key={committed.topic} value={committed.topic}>
                    {committed.topic}
                  </option>
                ))}
              </Select>
            </label>
            <Button onClick={() => selected && setPending({ kind: "offsets", topic: selected })}>
              Delete topic offsets…
            </Button>
          </>
        )}
        <Button onClick={() => setPending({ kind: "group" })}>Delete group…</Button>
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === "group" ? `Delete group ${groupId}?` : `Delete offsets of ${chosen}?`}
        confirmLabel={pending?.kind === "group" ? "Delete group" : "Delete offsets"}
        destructive
        pending={working}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        {pending?.kind === "group" && (
          <>
            <p>
              The group {groupId} and all its committed offsets go. Consumers that join it later start where
              their auto.offset.reset says.
            </p>
            <label className="flex flex-col gap-1">
              <span className="font-medium text-zinc-900 dark:text-zinc-100">
                Type the group id to confirm
              </span>
              <TextInput
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </label>
          </>
        )}
        {pending?.kind === "offsets" && (
          <>
            <p>
              The committed offsets of {pending.topic.topic} on {pending.topic.offsets.length}{" "}
              {pending.topic.offsets.length === 1 ? "partition" : "partitions"} go from {groupId}; its other
              topics keep theirs.
            </p>
            <ul className="max-h-40 overflow-auto font-mono text-xs" aria-label="Offsets that go">
              {pending.topic.offsets.map(({ partition, offset }) => (
                <li key={partition}>
                  partition {partition}: offset {offset}
                </li>
              ))}
            </ul>
          </>
        )}
      </ConfirmDialog>
    </Card>
  );
}
