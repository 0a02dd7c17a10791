"use client";

import { COMPRESSIONS, MAX_PRODUCE_COPIES, type Compression } from "@/lib/schemas/messages";
import { Field, Select, TextInput } from "@/components/ui/field";

interface DeliveryFieldsProps {
  compression: Compression;
  copies: string;
  errors?: Record<string, string[]>;
  onCompression: (compression: Compression) => void;
  onCopies: (copies: string) => void;
}

/** How the produce form sends: the batch's compression and how many copies of the message. */
export function DeliveryFields({
  compression,
  copies,
  errors,
  onCompression,
  onCopies,
}: DeliveryFieldsProps) {
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Field label="Compression" errors={errors?.compression}>
        {(control) => (
          <Select
            {...control}
            name="compression"
            value={compression}
            onChange={(event) => onCompression(event.target.value as Compression)}
          >
            {COMPRESSIONS.map((codec) => (
              <option key={codec} value={codec}>
                {codec}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Copies"
        hint={`Send the same message up to ${MAX_PRODUCE_COPIES.toLocaleString("en")} times, for testing.`}
        errors={errors?.copies}
      >
        {(control) => (
          <TextInput
            {...control}
            name="copies"
            type="number"
            min={1}
            max={MAX_PRODUCE_COPIES}
            value={copies}
            onChange={(event) => onCopies(event.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
