"use client";

import { useState, type ReactNode } from "react";
import { consumerPreset, producerPreset, readOnlyPreset } from "@/lib/acl/presets";
import type { AclBinding } from "@/lib/acl/types";
import { Field, Select, TextInput } from "@/components/ui/field";
import { NamePatternRows, emptyNamePattern, type NamePattern } from "./name-pattern-rows";
import { PreviewAndCreate } from "./preview-and-create";
import { PrincipalHostFields, missingBasics } from "./principal-host-fields";

const named = (rows: NamePattern[]) =>
  rows
    .map((row) => ({ name: row.name.trim(), patternType: row.patternType }))
    .filter((row) => row.name !== "");

/** Principal, host and topics: what every preset starts from. */
function usePresetBasics(initialPrincipal: string) {
  const [principal, setPrincipal] = useState(initialPrincipal);
  const [host, setHost] = useState("*");
  const [topics, setTopics] = useState<NamePattern[]>([emptyNamePattern()]);
  const fields = (
    <>
      <PrincipalHostFields principal={principal} host={host} onPrincipal={setPrincipal} onHost={setHost} />
      <NamePatternRows noun="Topic" rows={topics} onChange={setTopics} />
    </>
  );
  const base = { principal: principal.trim(), host: host.trim() || "*", topics: named(topics) };
  const incomplete =
    missingBasics(principal, host) ?? (base.topics.length === 0 ? "Name at least one topic." : undefined);
  return { fields, base, incomplete };
}

function PresetForm({
  description,
  children,
  bindings,
  incomplete,
}: {
  description: ReactNode;
  children: ReactNode;
  bindings: AclBinding[];
  incomplete?: string;
}) {
  return (
    <form className="space-y-4" onSubmit={(event) => event.preventDefault()}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      {children}
      <PreviewAndCreate bindings={incomplete ? [] : bindings} incomplete={incomplete} />
    </form>
  );
}

function SingleNamePattern({
  label,
  value,
  onChange,
}: {
  label: string;
  value: NamePattern;
  onChange: (value: NamePattern) => void;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
      <Field label={label}>
        {(control) => (
          <TextInput
            {...control}
            value={value.name}
            onChange={(event) => onChange({ ...value, name: event.target.value })}
          />
        )}
      </Field>
      <Field label={`${label} pattern`}>
        {(control) => (
          <Select
            {...control}
            value={value.patternType}
            onChange={(event) =>
              onChange({ ...value, patternType: event.target.value as NamePattern["patternType"] })
            }
          >
            <option value="LITERAL">Exact name (LITERAL)</option>
            <option value="PREFIXED">Prefix (PREFIXED)</option>
          </Select>
        )}
      </Field>
    </div>
  );
}

export function ConsumerPresetForm({ initialPrincipal }: { initialPrincipal: string }) {
  const { fields, base, incomplete } = usePresetBasics(initialPrincipal);
  const [group, setGroup] = useState<NamePattern>(emptyNamePattern());
  const groupName = group.name.trim();
  const bindings = consumerPreset({ ...base, group: { name: groupName, patternType: group.patternType } });
  return (
    <PresetForm
      description="READ and DESCRIBE on the topics, READ on the consumer group (a name or a prefix)."
      bindings={bindings}
      incomplete={incomplete ?? (groupName === "" ? "Name the consumer group." : undefined)}
    >
      {fields}
      <SingleNamePattern label="Group" value={group} onChange={setGroup} />
    </PresetForm>
  );
}

export function ProducerPresetForm({ initialPrincipal }: { initialPrincipal: string }) {
  const { fields, base, incomplete } = usePresetBasics(initialPrincipal);
  const [idempotent, setIdempotent] = useState(true);
  const [transactionalId, setTransactionalId] = useState<NamePattern>(emptyNamePattern());
  const transactionalName = transactionalId.name.trim();
  const bindings = producerPreset({
    ...base,
    idempotent,
    transactionalId:
      transactionalName === ""
        ? undefined
        : { name: transactionalName, patternType: transactionalId.patternType },
  });
  return (
    <PresetForm
      description="WRITE and DESCRIBE on the topics; IDEMPOTENT_WRITE on the cluster for idempotent producers (the default in current clients); WRITE and DESCRIBE on a transactional id if it uses transactions."
      bindings={bindings}
      incomplete={incomplete}
    >
      {fields}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4"
          checked={idempotent}
          onChange={(event) => setIdempotent(event.target.checked)}
        />
        Idempotent producer (IDEMPOTENT_WRITE on the cluster)
      </label>
      <SingleNamePattern
        label="Transactional id (optional)"
        value={transactionalId}
        onChange={setTransactionalId}
      />
    </PresetForm>
  );
}

export function ReadOnlyPresetForm({ initialPrincipal }: { initialPrincipal: string }) {
  const { fields, base, incomplete } = usePresetBasics(initialPrincipal);
  const [groups, setGroups] = useState<NamePattern[]>([emptyNamePattern()]);
  const groupPatterns = named(groups);
  const bindings = readOnlyPreset({ ...base, groups: groupPatterns });
  return (
    <PresetForm
      description="Browsing without reading messages: DESCRIBE and DESCRIBE_CONFIGS on the topics, DESCRIBE on the groups (optional). No READ."
      bindings={bindings}
      incomplete={incomplete}
    >
      {fields}
      <NamePatternRows noun="Group" rows={groups} onChange={setGroups} />
    </PresetForm>
  );
}
