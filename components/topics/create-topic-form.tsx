"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Field, FormMessage, TextInput } from "@/components/ui/field";
import { createTopic } from "@/lib/actions/create-topic";
import { topicPath } from "@/lib/paths";
import type { ConfigEntry } from "@/lib/schemas/configs";
import { collidingTopics, topicNameProblems } from "@/lib/topics/topic-name";

import { configRowsValid, NewTopicConfigRows, type NewTopicConfig } from "./new-topic-config-rows";

export interface CreateTopicDefaults {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: NewTopicConfig[];
}

/**
 * Name (Kafka's rules checked as it is typed, with the '.'/'_' collision warning), partitions,
 * replication factor and configs; "Check with Kafka" asks validateOnly, "Create topic" checks and
 * creates, then opens the new topic. A refusal keeps Kafka's code and creates nothing.
 */
export function CreateTopicForm({
  cluster,
  liveBrokers,
  existing,
  catalog,
  defaults,
}: {
  cluster: string;
  liveBrokers: number;
  existing: string[];
  catalog: ConfigEntry[];
  defaults: CreateTopicDefaults;
}) {
  const router = useRouter();
  const [name, setName] = useState(defaults.name);
  const [partitions, setPartitions] = useState(String(defaults.partitions));
  const [replicationFactor, setReplicationFactor] = useState(String(defaults.replicationFactor));
  const [configs, setConfigs] = useState<NewTopicConfig[]>(defaults.configs);
  const [outcome, setOutcome] = useState<{ tone: "error" | "notice"; text: string }>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [working, startWork] = useTransition();

  const existingSet = useMemo(() => new Set(existing), [existing]);
  const trimmed = name.trim();
  const nameProblems = name === "" ? [] : topicNameProblems(name);
  const exists = existingSet.has(trimmed);
  const collisions = nameProblems.length ? [] : collidingTopics(trimmed, existing);
  const replicas = Number(replicationFactor);
  const tooManyReplicas = liveBrokers > 0 && replicas > liveBrokers;
  const valid = trimmed !== "" && nameProblems.length === 0 && !exists && configRowsValid(catalog, configs);

  const submit = (validateOnly: boolean) =>
    startWork(async () => {
      const result = await createTopic(null, {
        cluster,
        name: trimmed,
        partitions,
        replicationFactor,
        configs: Object.fromEntries(configs.map((row) => [row.name, row.value])),
        validateOnly,
      });
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        setOutcome({ tone: "error", text: `${result.error} Nothing was created.` });
        return;
      }
      setFieldErrors({});
      if (validateOnly) {
        setOutcome({
          tone: "notice",
          text: `Kafka accepts ${result.data.name} with ${result.data.partitions} partitions and replication factor ${result.data.replicationFactor}. Nothing was created yet.`,
        });
        return;
      }
      router.push(topicPath(cluster, result.data.name, "configs"));
    });

  return (
    <form
      className="space-y-5 px-5 py-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) submit(false);
      }}
    >
      <Field
        label="Name"
        hint="1 to 249 letters, digits, '.', '_' and '-'."
        errors={[
          ...nameProblems,
          ...(exists ? [`Topic ${trimmed} already exists.`] : []),
          ...(fieldErrors.name ?? []),
        ]}
      >
        {(control) => (
          <TextInput
            {...control}
            name="name"
            autoComplete="off"
            spellCheck={false}
            value={name}
            onChange={(event) => setName(event.target.value)}
            className="w-full max-w-xl font-mono"
          />
        )}
      </Field>
      {collisions.length > 0 && (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          Warning: {trimmed} differs from {collisions.join(", ")} only in &apos;.&apos; against &apos;_&apos;.
          Kafka uses both as the same character in metric names, so their metrics would collide.
        </p>
      )}
      <div className="flex flex-wrap gap-5">
        <Field label="Partitions" errors={fieldErrors.partitions} className="w-40">
          {(control) => (
            <TextInput
              {...control}
              type="number"
              min={1}
              inputMode="numeric"
              value={partitions}
              onChange={(event) => setPartitions(event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Replication factor"
          hint={`At most ${liveBrokers} (live brokers).`}
          errors={[
            ...(tooManyReplicas ? [`Only ${liveBrokers} brokers are alive.`] : []),
            ...(fieldErrors.replicationFactor ?? []),
          ]}
          className="w-48"
        >
          {(control) => (
            <TextInput
              {...control}
              type="number"
              min={1}
              max={liveBrokers || undefined}
              inputMode="numeric"
              value={replicationFactor}
              onChange={(event) => setReplicationFactor(event.target.value)}
            />
          )}
        </Field>
      </div>
      <NewTopicConfigRows catalog={catalog} rows={configs} onChange={setConfigs} />
      {outcome && <FormMessage tone={outcome.tone}>{outcome.text}</FormMessage>}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!valid || tooManyReplicas || working}>
          {working ? "Working…" : "Create topic"}
        </Button>
        <Button disabled={!valid || working} onClick={() => submit(true)}>
          Check with Kafka
        </Button>
      </div>
    </form>
  );
}
