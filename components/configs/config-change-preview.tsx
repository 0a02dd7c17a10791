import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { shownValue, type ConfigChange } from "@/lib/schemas/configs";

/** The changes Kafka accepted with validateOnly, old → new, with the buttons that apply or drop them. */
export function ConfigChangePreview({
  changes,
  resourceLabel,
  working,
  onApply,
  onCancel,
}: {
  changes: ConfigChange[];
  resourceLabel: string;
  working: boolean;
  onApply: () => void;
  onCancel: () => void;
}) {
  if (changes.length === 0)
    return (
      <FormMessage tone="notice">
        Nothing to change: every value is already what you entered.{" "}
        <button type="button" className="underline" onClick={onCancel}>
          Back
        </button>
      </FormMessage>
    );
  return (
    <section
      aria-labelledby="config-preview-title"
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h3 id="config-preview-title" className="text-sm font-semibold">
        Apply {changes.length} {changes.length === 1 ? "change" : "changes"} to {resourceLabel}?
      </h3>
      <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
        The broker checked these (validateOnly) and changed nothing yet.
      </p>
      <ul aria-label="Changes to apply" className="mt-2 space-y-1 text-sm">
        {changes.map((change) => (
          <li key={change.name} className="font-mono break-all">
            <span className="font-semibold">{change.name}</span>:{" "}
            {shownValue(change.before, change.sensitive)} →{" "}
            {change.operation === "reset" && change.after === null
              ? "the default"
              : shownValue(change.after, change.sensitive)}
            {change.operation === "reset" && (
              <span className="font-sans text-zinc-500"> (reset to default)</span>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex gap-2">
        <Button variant="primary" disabled={working} onClick={onApply}>
          {working ? "Applying…" : "Apply changes"}
        </Button>
        <Button disabled={working} onClick={onCancel}>
          Back to editing
        </Button>
      </div>
    </section>
  );
}
