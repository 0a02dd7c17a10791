// Creating a topic: the one schema the create form's server action and REST's POST validate with.
import { z } from "zod";

import { configNameSchema, configValueSchema } from "./configs";
import { topicNameSchema } from "./topics";

/** Kafka takes up to Integer.MAX_VALUE partitions; no cluster serves more than this per topic. */
export const MAX_NEW_PARTITIONS = 100_000;
const MAX_NEW_CONFIGS = 200;

const wholeNumber = (label: string, max: number) =>
  z.coerce
    .number({ message: `${label} is a whole number` })
    .int(`${label} is a whole number`)
    .min(1, `${label} is at least 1`)
    .max(max, `${label} is at most ${max.toLocaleString("en")}`);

export const createTopicSchema = z.object({
  name: topicNameSchema,
  partitions: wholeNumber("Partitions", MAX_NEW_PARTITIONS),
  /** Kafka's replication factor is a 16-bit number; the cluster's live brokers bound it further (Kafka checks). */
  replicationFactor: wholeNumber("The replication factor", 32_767),
  configs: z
    .record(configNameSchema, configValueSchema)
    .default({})
    .refine(
      (configs) => Object.keys(configs).length <= MAX_NEW_CONFIGS,
      `At most ${MAX_NEW_CONFIGS} configs.`,
    ),
  validateOnly: z.boolean().default(false),
});
export type CreateTopicInput = z.input<typeof createTopicSchema>;
export type CreateTopicRequest = z.output<typeof createTopicSchema>;

/** What a creation answers: the topic as Kafka created it (or would, with validateOnly). */
export interface TopicCreated {
  cluster: string;
  name: string;
  topicId: string | null;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
  validateOnly: boolean;
}
