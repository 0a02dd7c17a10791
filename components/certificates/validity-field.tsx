import { Field, TextInput } from "@/components/ui/field";

export interface ValidityLimits {
  defaultDays: number;
  maxDays: number;
}

/** Days of validity, with the configured default filled in and the maximum said up front. */
export function ValidityField({ limits, errors }: { limits: ValidityLimits; errors?: string[] }) {
  return (
    <Field
      label="Validity (days)"
      hint={`Default ${limits.defaultDays} days, at most ${limits.maxDays}.`}
      errors={errors}
    >
      {(control) => (
        <TextInput
          {...control}
          name="validityDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={limits.maxDays}
          defaultValue={limits.defaultDays}
        />
      )}
    </Field>
  );
}
