import "server-only";

// Topics and subjects under TopicNameStrategy (`<topic>-key`, `<topic>-value`): the subjects a topic
// uses, for its page and its produce form, and the topic a subject names, for the subject's page.
import {
  keySubjectOf,
  topicNameOfSubject,
  type SubjectTopic,
  valueSubjectOf,
  type TopicSubjects,
} from "@/lib/schemas/schema-produce";
import { listTopicFacts } from "@/lib/server/kafka";

import { registryClient } from "./index";
import type { RegistryResult } from "./problems";

/** The topic's key and value subjects that exist in the cluster's registry (soft-deleted ones left out). */
export async function topicSubjects(cluster: string, topic: string): Promise<TopicSubjects> {
  return (await subjectsAround(cluster, topic, { prefix: topic })).topicSubjects;
}

/** Subjects offered in the produce form's subject field, at most. */
export const PRODUCE_SUBJECT_OPTIONS = 1_000;

/** The produce form's registry: the topic's subjects (the defaults) and the subjects to choose from. */
export async function produceRegistry(
  cluster: string,
  topic: string,
): Promise<{ topicSubjects: TopicSubjects; subjects: string[] }> {
  const { topicSubjects, subjects } = await subjectsAround(cluster, topic, {});
  return { topicSubjects, subjects: subjects.slice(0, PRODUCE_SUBJECT_OPTIONS) };
}

/** The topic's page and its produce form wait this long for the registry, then go on without it. */
export const TOPIC_SUBJECTS_WAIT_MS = 3_000;

async function subjectsAround(
  cluster: string,
  topic: string,
  options: { prefix?: string },
): Promise<{ topicSubjects: TopicSubjects; subjects: string[] }> {
  const client = registryClient(cluster);
  if (!client) return { topicSubjects: { state: "not-configured" }, subjects: [] };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<RegistryResult<string[]>>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          problem: {
            kind: "unreachable",
            title: `The registry at ${client.host} did not answer within ${TOPIC_SUBJECTS_WAIT_MS / 1000} s`,
            hint: "Check that it runs and that the console reaches it.",
            code: "TIMEOUT",
          },
        }),
      TOPIC_SUBJECTS_WAIT_MS,
    );
  });
  const listed = await Promise.race([client.listSubjects(options), late]).finally(() => clearTimeout(timer));
  if (!listed.ok) {
    const { title, hint, code } = listed.problem;
    return {
      topicSubjects: { state: "unavailable", problem: { title, hint, ...(code && { code }) } },
      subjects: [],
    };
  }
  const subjects = new Set(listed.data);
  const key = keySubjectOf(topic);
  const value = valueSubjectOf(topic);
  return {
    topicSubjects: {
      state: "ok",
      ...(subjects.has(key) && { key }),
      ...(subjects.has(value) && { value }),
    },
    subjects: listed.data,
  };
}

/** The topic a subject names (TopicNameStrategy: strip -key or -value); undefined for other subjects. */
export async function topicForSubject(cluster: string, subject: string): Promise<SubjectTopic | undefined> {
  const named = topicNameOfSubject(subject);
  if (!named) return undefined;
  const topics = await listTopicFacts(cluster);
  return {
    ...named,
    exists: topics.ok ? topics.data.some((topic) => topic.name === named.topic) : null,
  };
}
