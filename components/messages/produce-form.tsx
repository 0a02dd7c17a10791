"use client";

import type { ProduceMessagesAnswer, ProduceMessagesInput } from "@/lib/schemas/messages";

// Placeholder until the produce form lands (owned by the topics/produce work).
export interface ProduceFormProps {
  cluster: string;
  topic: string;
  partitions: number[];
  /** Prefilled fields, e.g. a message to republish (edited or not). */
  initial?: Partial<ProduceMessagesInput>;
  /** Lets the topic be changed (republish to another topic). */
  topicEditable?: boolean;
  onProduced?: (answer: ProduceMessagesAnswer) => void;
}

export function ProduceForm({ topic }: ProduceFormProps) {
  return <p className="text-sm">Produce to {topic}.</p>;
}
