"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";

import { alterClientQuota } from "@/lib/actions/alter-client-quota";
import {
  describeEntity,
  QUOTA_ENTITY_TYPES,
  QUOTA_KEY_LABELS,
  QUOTA_KEYS,
  quotaAlterSchema,
  quotaChanges,
  sameEntity,
  type QuotaAlterInput,
  type QuotaEntity,
  type QuotaEntityType,
  type QuotaEntry,
  type QuotaKey,
} from "@/lib/schemas/quotas";
import { fieldErrorsOf } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormMessage, Select, TextInput } from "@/components/ui/field";

import { formatQuotaValue } from "./quota-format";

const TYPE_LABELS: Record<QuotaEntityType, string> = {
  user: "User",
  "client-id": "Client id",
  "user+client-id": "User and client id",
};

export interface QuotaFormPreset {
  entity: QuotaEntity;
  key: number;
}

function typeOf(entity: QuotaEntity | undefined): QuotaEntityType {
  if (entity?.user !== undefined && entity.clientId !== undefined) return "user+client-id";
  return entity?.clientId !== undefined ? "client-id" : "user";
}

/** Set or remove one entity's quota values; the change is previewed old → new before it is applied. */
export function QuotaForm({
  cluster,
  entries,
  preset,
}: {
  cluster: string;
  entries: QuotaEntry[];
  preset?: QuotaFormPreset;
}) {
  const router = useRouter();
  const [type, setType] = useState<QuotaEntityType>(typeOf(preset?.entity));
  const [user, setUser] = useState(preset?.entity.user ?? "");
  const [userDefault, setUserDefault] = useState(preset?.entity.user === null);
  const [clientId, setClientId] = useState(preset?.entity.clientId ?? "");
  const [clientDefault, setClientDefault] = useState(preset?.entity.clientId === null);
  const [values, setValues] = useState<Partial<Record<QuotaKey, string>>>({});
  const [removed, setRemoved] = useState<QuotaKey[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>();
  const [error, setError] = useState<string>();
  const [preview, setPreview] = useState<QuotaAlterInput | null>(null);
  const [notice, setNotice] = useState<string>();
  const [working, startWork] = useTransition();

  const entity: QuotaEntity = {
    ...(type !== "client-id" && { user: userDefault ? null : user.trim() }),
    ...(type !== "user" && { clientId: clientDefault ? null : clientId.trim() }),
  };
  const current = entries.find((entry) => sameEntity(entry.entity, entity))?.values ?? {};

  const review = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const set = Object.fromEntries(Object.entries(values).filter(([, value]) => value?.trim()));
    const parsed = quotaAlterSchema.safeParse({ entity, set, remove: removed });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      setError("Check the highlighted fields.");
      return;
    }
    setFieldErrors(undefined);
    setError(undefined);
    setPreview(parsed.data);
  };

  const apply = () => {
    if (!preview) return;
    startWork(async () => {
      const result = await alterClientQuota(null, { cluster, ...preview });
      if (!result.ok) return setError(result.error);
      setPreview(null);
      setError(undefined);
      setValues({});
      setRemoved([]);
      setNotice(`Saved the quota of ${describeEntity(result.data.entity)}.`);
      router.refresh();
    });
  };

  const changes = preview ? quotaChanges(current, preview) : [];
  const entityError = fieldErrors?.["entity"] ?? fieldErrors?.["form"];

  return (
    <form onSubmit={review} aria-label="Set a quota" noValidate className="space-y-4">
      <div className="flex flex-wrap items-start gap-3">
        <Field label="Applies to">
          {(control) => (
            <Select
              {...control}
              value={type}
              onChange={(event) => setType(event.target.value as QuotaEntityType)}
            >
              {QUOTA_ENTITY_TYPES.map((option) => (
                <option key={option} value={option}>
                  {TYPE_LABELS[option]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {type !== "client-id" && (
          <div className="space-y-1">
            <Field label="User" errors={fieldErrors?.["entity.user"] ?? entityError} className="w-56">
              {(control) => (
                <TextInput
                  {...control}
                  disabled={userDefault}
                  autoComplete="off"
                  spellCheck={false}
                  value={userDefault ? "" : user}
                  placeholder={userDefault ? "<default>" : undefined}
                  onChange={(event) => setUser(event.target.value)}
                />
              )}
            </Field>
            <label className="flex items-center gap-2 text-xs">
              <input
                type="checkbox"
                checked={userDefault}
                onChange={(event) => setUserDefault(event.target.checked)}
              />
              Default for every user
            </label>
          </div>
        )}
        {type !== "user" && (
          <div className="space-y-1">
            <Field
              label="Client id"
              errors={fieldErrors?.["entity.clientId"] ?? entityError}
              className="w-56"
            >
              {(control) => (
                <TextInput
                  {...control}
                  disabled={clientDefault}
                  autoComplete="off"
                  spellCheck={false}
                  value={clientDefault ? "" : clientId}
                  placeholder={clientDefault ? "<default>" : undefined}
                  onChange={(event) => setClientId(event.target.value)}
                />
              )}
            </Field>
            <label className="flex items-center gap-2 text-xs">
              <input
                type="checkbox"
                checked={clientDefault}
                onChange={(event) => setClientDefault(event.target.checked)}
              />
              Default for every client id
            </label>
          </div>
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {QUOTA_KEYS.map((key) => (
          <div key={key} className="space-y-1">
            <Field
              label={`${QUOTA_KEY_LABELS[key].label} (${key}, ${QUOTA_KEY_LABELS[key].unit})`}
              hint={`Now: ${formatQuotaValue(key, current[key])}`}
              errors={fieldErrors?.[`set.${key}`]}
            >
              {(control) => (
                <TextInput
                  {...control}
                  inputMode="decimal"
                  disabled={removed.includes(key)}
                  value={values[key] ?? ""}
                  onChange={(event) => setValues({ ...values, [key]: event.target.value })}
                />
              )}
            </Field>
            {current[key] !== undefined && (
              <label className="flex items-center gap-2 text-xs">
                <input
                  type="checkbox"
                  checked={removed.includes(key)}
                  onChange={(event) =>
                    setRemoved(
                      event.target.checked ? [...removed, key] : removed.filter((other) => other !== key),
                    )
                  }
                />
                Remove {key}
              </label>
            )}
          </div>
        ))}
      </div>
      {fieldErrors?.set && <FormMessage tone="error">{fieldErrors.set.join(" ")}</FormMessage>}
      {error && !preview && <FormMessage tone="error">{error}</FormMessage>}
      {notice && <FormMessage tone="notice">{notice}</FormMessage>}
      <Button type="submit" variant="primary">
        Review change…
      </Button>
      <ConfirmDialog
        open={preview !== null}
        title={`Change the quota of ${preview ? describeEntity(preview.entity) : ""}?`}
        confirmLabel="Apply"
        pending={working}
        error={error}
        onConfirm={apply}
        onClose={() => {
          setPreview(null);
          setError(undefined);
        }}
      >
        <table className="w-full text-left text-sm" aria-label="Quota change">
          <thead>
            <tr>
              <th className="py-1 font-medium">Key</th>
              <th className="py-1 font-medium">Now</th>
              <th className="py-1 font-medium">After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.key}>
                <td className="py-1 font-mono">{change.key}</td>
                <td className="py-1">{formatQuotaValue(change.key, change.before)}</td>
                <td className="py-1">
                  {change.after === null ? "removed" : formatQuotaValue(change.key, change.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ConfirmDialog>
    </form>
  );
}
