"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { aclsPath } from "@/lib/paths";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";

/** Names the topic or group whose "who may do what" the By resource tab shows (its address keeps it). */
export function ResourcePicker({
  cluster,
  initial,
}: {
  cluster: string;
  initial?: { resourceType: "TOPIC" | "GROUP"; resourceName: string };
}) {
  const router = useRouter();
  const [type, setType] = useState<"TOPIC" | "GROUP">(initial?.resourceType ?? "TOPIC");
  const [name, setName] = useState(initial?.resourceName ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    router.push(aclsPath(cluster, { resource: { type, name: name.trim() }, tab: "resource" }));
  };
  return (
    <form
      aria-label="Choose a resource"
      onSubmit={submit}
      className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800"
    >
      <Field label="Resource type" className="w-36">
        {(control) => (
          <Select
            {...control}
            value={type}
            onChange={(event) => setType(event.target.value as "TOPIC" | "GROUP")}
          >
            <option value="TOPIC">Topic</option>
            <option value="GROUP">Group</option>
          </Select>
        )}
      </Field>
      <Field label="Name" className="min-w-48 flex-1">
        {(control) => (
          <TextInput
            {...control}
            required
            value={name}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary">
        Show access
      </Button>
    </form>
  );
}
