"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Field, FormMessage, Select } from "@/components/ui/field";
import { setSchemaCompatibility } from "@/lib/actions/set-schema-compatibility";
import { COMPATIBILITY_LEVEL_NAMES } from "@/lib/schemas/schema-registry-evolve";

/**
 * Admins: the global level (no subject), or a subject's own level, where "Inherit the global level"
 * removes the subject's own.
 */
export function CompatibilityForm({
  cluster,
  subject,
  current,
}: {
  cluster: string;
  subject?: string;
  /** The subject's own level, INHERIT when it has none; the global level without a subject. */
  current: string;
}) {
  const router = useRouter();
  const [level, setLevel] = useState(current);
  const [message, setMessage] = useState<{ tone: "error" | "notice"; text: string }>();
  const [working, startWork] = useTransition();
  const save = () =>
    startWork(async () => {
      const result = await setSchemaCompatibility(null, {
        cluster,
        subject,
        compatibility: level as (typeof COMPATIBILITY_LEVEL_NAMES)[number] | "INHERIT",
      });
      if (!result.ok) return setMessage({ tone: "error", text: result.error });
      setMessage({
        tone: "notice",
        text:
          level === "INHERIT"
            ? `${subject} now inherits the global level (${result.data.compatibility}).`
            : `Compatibility set to ${level}${subject ? ` for ${subject}` : " globally"}.`,
      });
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field
        label={subject ? "Subject's compatibility level" : "Global compatibility level"}
        className="w-64"
      >
        {(control) => (
          <Select {...control} value={level} onChange={(event) => setLevel(event.target.value)}>
            {subject && <option value="INHERIT">Inherit the global level</option>}
            {COMPATIBILITY_LEVEL_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button onClick={save} disabled={working}>
        Save level
      </Button>
      {message && (
        <div className="basis-full">
          <FormMessage tone={message.tone}>{message.text}</FormMessage>
        </div>
      )}
    </div>
  );
}
