"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormMessage, TextInput } from "@/components/ui/field";
import { addPartitions } from "@/lib/actions/add-partitions";

/** Operators: raise the partition count, checked by Kafka (validateOnly) before the confirmation. */
export function AddPartitionsCard({
  cluster,
  topic,
  current,
}: {
  cluster: string;
  topic: string;
  current: number;
}) {
  const router = useRouter();
  const [count, setCount] = useState(String(current + 1));
  const [checked, setChecked] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<string[]>();
  const [done, setDone] = useState<string>();
  const [working, startWork] = useTransition();

  const run = (validateOnly: boolean) =>
    startWork(async () => {
      setError(undefined);
      setFieldErrors(undefined);
      const result = await addPartitions(null, { cluster, topic, count, validateOnly });
      if (!result.ok) {
        setFieldErrors(result.fieldErrors?.count);
        setError(result.error);
        return;
      }
      if (validateOnly) return setChecked(result.data.after);
      setChecked(null);
      setDone(`${topic} now has ${result.data.after} partitions (was ${result.data.before}).`);
      router.refresh();
    });

  return (
    <Card aria-labelledby="add-partitions-title">
      <CardHeader
        titleId="add-partitions-title"
        title="Add partitions"
        description="Kafka only adds partitions. Records with a key go to partition hash(key) mod count, so after the change new records of a key may land on another partition than its older ones: ordering per key holds only from then on."
      />
      <form
        className="flex flex-wrap items-end gap-3 px-5 py-4"
        onSubmit={(event) => {
          event.preventDefault();
          setDone(undefined);
          run(true);
        }}
      >
        <Field
          label="New partition count"
          hint={`Now ${current}; the new count must be larger.`}
          errors={fieldErrors}
          className="w-56"
        >
          {(control) => (
            <TextInput
              {...control}
              type="number"
              inputMode="numeric"
              min={current + 1}
              value={count}
              onChange={(event) => setCount(event.target.value)}
            />
          )}
        </Field>
        <Button type="submit" disabled={working}>
          Check and add…
        </Button>
      </form>
      <div className="space-y-2 px-5 pb-4 empty:hidden">
        {error && checked === null && <FormMessage tone="error">{error}</FormMessage>}
        {done && <FormMessage tone="notice">{done}</FormMessage>}
      </div>
      <ConfirmDialog
        open={checked !== null}
        title={`Add partitions to ${topic}?`}
        confirmLabel={`Add ${checked === null ? "" : checked - current} partitions`}
        pending={working}
        error={error}
        onConfirm={() => run(false)}
        onClose={() => {
          setChecked(null);
          setError(undefined);
        }}
      >
        <p>
          Kafka accepted the change in a check: {topic} goes from {current} to {checked} partitions. This
          cannot be undone.
        </p>
        <p>Keyed records written from now on may go to other partitions than the same keys did before.</p>
      </ConfirmDialog>
    </Card>
  );
}
