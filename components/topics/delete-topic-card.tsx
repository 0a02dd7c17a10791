"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextInput } from "@/components/ui/field";
import { deleteTopic } from "@/lib/actions/delete-topic";
import { topicsPath } from "@/lib/paths";

/** Admins: delete the topic after typing its name; back to the topic list afterwards. */
export function DeleteTopicCard({ cluster, topic }: { cluster: string; topic: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string>();
  const [working, startWork] = useTransition();

  const close = () => {
    setOpen(false);
    setTyped("");
    setError(undefined);
  };
  const confirm = () => {
    if (typed !== topic) return setError(`Type the topic's name, ${topic}, exactly to delete it.`);
    startWork(async () => {
      const result = await deleteTopic(null, { cluster, topic, confirm: typed });
      if (!result.ok) return setError(result.error);
      close();
      router.push(topicsPath(cluster));
    });
  };

  return (
    <Card aria-labelledby="danger-title" className="border-red-300 dark:border-red-900">
      <CardHeader
        titleId="danger-title"
        title="Danger zone"
        description="Deleting the topic removes its partitions and every record for all clients; groups keep their committed offsets until they expire. It cannot be undone."
      />
      <div className="px-5 py-4">
        <Button onClick={() => setOpen(true)}>Delete topic…</Button>
      </div>
      <ConfirmDialog
        open={open}
        title={`Delete topic ${topic}?`}
        confirmLabel="Delete topic"
        destructive
        pending={working}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        <p>
          {topic} and all its records go from {cluster}. Producers that write to it afterwards fail, or create
          it anew where the brokers auto-create topics.
        </p>
        <label className="flex flex-col gap-1">
          <span className="font-medium text-zinc-900 dark:text-zinc-100">
            Type the topic&apos;s name to confirm
          </span>
          <TextInput
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
      </ConfirmDialog>
    </Card>
  );
}
