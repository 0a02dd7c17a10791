"use client";

import { useEffect, useState } from "react";

import { checkSchemaValue } from "@/lib/actions/check-schema-value";
import type { ProduceSchema, SchemaChoice, SchemaValueCheck } from "@/lib/schemas/schema-produce";

/** Waits for a pause in typing: one request per settled subject or value, not per key. */
const PAUSE_MS = 300;

export type SchemaLookup =
  | { state: "idle" | "loading" }
  | { state: "found"; schema: ProduceSchema }
  | { state: "failed"; message: string };

function produceSchemaPath(cluster: string, choice: SchemaChoice): string {
  const query = new URLSearchParams({ subject: choice.subject, version: String(choice.version) });
  return `/api/v1/clusters/${encodeURIComponent(cluster)}/schema-registry/produce-schema?${query}`;
}

/** The schema the choice names (fetched after a pause), or why it cannot be had. */
export function useProduceSchema(cluster: string, choice: SchemaChoice | undefined): SchemaLookup {
  const [lookup, setLookup] = useState<{ key: string; answer: SchemaLookup }>();
  const key = choice ? `${choice.subject}\u0000${choice.version}` : "";
  useEffect(() => {
    if (!choice || choice.subject.trim() === "") return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(produceSchemaPath(cluster, choice), {
          signal: controller.signal,
          headers: { Accept: "application/json" },
          cache: "no-store",
        });
        const body = (await response.json()) as ProduceSchema | { error?: { message?: string } };
        const answer: SchemaLookup = response.ok
          ? { state: "found", schema: body as ProduceSchema }
          : {
              state: "failed",
              message: ("error" in body && body.error?.message) || `The console answered ${response.status}.`,
            };
        setLookup({ key, answer });
      } catch {
        // Aborted by the next change, or the network: the produce itself answers either way.
      }
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // The choice is keyed by `key`; a new object with the same subject and version is the same choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cluster, key]);
  if (!choice || choice.subject.trim() === "") return { state: "idle" };
  return lookup?.key === key ? lookup.answer : { state: "loading" };
}

/**
 * The server's check of `text` against the choice (the same encoding a produce runs), after a pause
 * in typing; undefined while there is no answer for the current text.
 */
export function useSchemaValueCheck(
  cluster: string,
  choice: SchemaChoice | undefined,
  text: string,
): SchemaValueCheck | undefined {
  const [checked, setChecked] = useState<{ key: string; answer: SchemaValueCheck }>();
  const key = choice ? `${choice.subject}\u0000${choice.version}\u0000${text}` : "";
  useEffect(() => {
    if (!choice || choice.subject.trim() === "" || text.trim() === "") return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await checkSchemaValue(null, { cluster, choice, text }).catch(() => null);
      if (current && result?.ok) setChecked({ key, answer: result.data });
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cluster, key]);
  return checked?.key === key ? checked.answer : undefined;
}
