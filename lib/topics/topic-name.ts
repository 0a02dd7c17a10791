// Kafka's rules for a new topic's name (org.apache.kafka.common.internals.Topic), as the create form
// checks them while the name is typed: what breaks a rule, and which existing topics it would collide
// with in metric names, where '.' and '_' are the same character.
import { topicNameSchema } from "@/lib/schemas/topics";

export const TOPIC_NAME_MAX = 249;

/** The rules the name breaks, in the schema's words (the server checks the same schema); none when valid. */
export function topicNameProblems(name: string): string[] {
  const parsed = topicNameSchema.safeParse(name);
  if (parsed.success) return [];
  const messages = parsed.error.issues.map((issue) => issue.message);
  // An empty name breaks the character rule too; saying so adds nothing.
  return name.trim() === "" ? messages.slice(0, 1) : messages;
}

/** The name with '.' and '_' made one: two topics with the same key have the same metrics names. */
export const collisionKey = (name: string) => name.replaceAll(".", "_");

export function hasCollisionCharacters(name: string): boolean {
  return name.includes(".") || name.includes("_");
}

/** Existing topics whose names differ from `name` only in '.' against '_' (Kafka warns, and its policy may refuse). */
export function collidingTopics(name: string, existing: Iterable<string>): string[] {
  if (!hasCollisionCharacters(name)) return [];
  const key = collisionKey(name);
  const found: string[] = [];
  for (const other of existing) {
    if (other !== name && collisionKey(other) === key) found.push(other);
  }
  return found.sort();
}
