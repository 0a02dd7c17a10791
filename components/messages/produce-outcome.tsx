"use client";

import type { produceMessages } from "@/lib/actions/produce-messages";
import type { ProduceMessagesAnswer } from "@/lib/schemas/messages";
import { describeProduced, firstWritten } from "@/components/topics/produce-summary";
import { FormMessage } from "@/components/ui/field";
import { topicMessagePath } from "@/lib/paths";

export type ProduceState = Awaited<ReturnType<typeof produceMessages>>;

/** The produce action's answer: its error, or what was sent with a link to the first message. */
export function ProduceOutcome({ cluster, state }: { cluster: string; state: ProduceState | null }) {
  const produced = state?.ok ? state.data : null;
  return (
    <>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      {produced && (
        <FormMessage tone="notice">
          {describeProduced(produced)} <ProducedLink cluster={cluster} produced={produced} />
        </FormMessage>
      )}
    </>
  );
}

/**
 * The first message sent, opened in the inspector. A full page load: the inspector reads its search
 * from the address when it mounts, and it may already be mounted (republishing from its drawer).
 */
function ProducedLink({ cluster, produced }: { cluster: string; produced: ProduceMessagesAnswer }) {
  const first = firstWritten(produced);
  if (!first) return null;
  return (
    <a
      href={topicMessagePath(
        cluster,
        produced.topic,
        first.partition,
        first.offset,
        Math.min(produced.count, 100),
      )}
      className="font-medium underline underline-offset-2"
    >
      {produced.count === 1 ? "Open it in the inspector" : "Open the first in the inspector"}
    </a>
  );
}
