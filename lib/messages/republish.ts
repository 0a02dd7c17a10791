// A message as a produce request, for "republish" (edited or not, to this topic or another). Pure.
import type { ProduceMessagesInput } from "@/lib/schemas/messages";
import { payloadText } from "./decode";
import type { WirePayload, WireRecord } from "./events";

const isBinary = (payload: WirePayload | null) => payload !== null && payloadText(payload) === null;

/** Key, value and headers as text; binary parts are left out (the caveats say so). */
export function republishInitial(topic: string, record: WireRecord): Partial<ProduceMessagesInput> {
  const asText = (payload: WirePayload | null) =>
    payload === null ? undefined : (payloadText(payload) ?? undefined);
  return {
    topic,
    key: asText(record.key),
    value: asText(record.value) ?? "",
    valueFormat: "text",
    headers: record.headers
      .filter((header) => !isBinary(header.value))
      .map((header) => ({
        name: header.name,
        value: header.value === null ? "" : (payloadText(header.value) ?? ""),
      })),
  };
}

/** What republishing as text would change (binary parts left out), for the dialog to say. */
export function republishCaveats(record: WireRecord): string[] {
  const caveats: string[] = [];
  if (isBinary(record.key)) caveats.push("The key is binary: it is left empty.");
  if (isBinary(record.value)) caveats.push("The value is binary: it is left empty.");
  if (record.headers.some((header) => isBinary(header.value)))
    caveats.push("Binary header values are left out.");
  if (record.value?.truncated)
    caveats.push("Only the start of the value was loaded: load the full value first.");
  return caveats;
}
