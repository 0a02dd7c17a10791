"use client";

import { Field, Select, TextInput } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

interface ProduceTargetFieldsProps {
  /** The form's own topic: its partitions are offered while the target stays this topic. */
  topic: string;
  partitions: number[];
  targetTopic: string;
  topicEditable?: boolean;
  partition: string;
  errors?: Record<string, string[]>;
  onTargetTopic: (topic: string) => void;
  onPartition: (partition: string) => void;
}

/** Where the message goes: the topic (editable when republishing) and a partition or automatic. */
export function ProduceTargetFields({
  topic,
  partitions,
  targetTopic,
  topicEditable,
  partition,
  errors,
  onTargetTopic,
  onPartition,
}: ProduceTargetFieldsProps) {
  return (
    <>
      <Field label="Topic" errors={errors?.topic}>
        {(control) => (
          <TextInput
            {...control}
            name="topic"
            value={targetTopic}
            readOnly={!topicEditable}
            autoComplete="off"
            spellCheck={false}
            className={cn(control.className, "font-mono", !topicEditable && "bg-zinc-50 dark:bg-zinc-900")}
            onChange={(event) => onTargetTopic(event.target.value)}
          />
        )}
      </Field>
      <Field label="Partition" hint="Automatic: by key, else round-robin." errors={errors?.partition}>
        {(control) =>
          topicEditable && targetTopic !== topic ? (
            <TextInput
              {...control}
              name="partition"
              inputMode="numeric"
              placeholder="automatic"
              value={partition}
              onChange={(event) => onPartition(event.target.value.trim())}
            />
          ) : (
            <Select
              {...control}
              name="partition"
              value={partition}
              onChange={(event) => onPartition(event.target.value)}
            >
              <option value="">Automatic</option>
              {partitions.map((candidate) => (
                <option key={candidate} value={String(candidate)}>
                  Partition {candidate}
                </option>
              ))}
            </Select>
          )
        }
      </Field>
    </>
  );
}
