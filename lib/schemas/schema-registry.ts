// A cluster's schema registry as the UI and the REST API see it.
import { z } from "zod";

/** What the console knows of the registry's health; `problem` names the registry's host at most, never a secret. */
export const registryHealthSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("not-configured") }),
  z.object({
    state: z.literal("reachable"),
    checkedAt: z.string().describe("ISO time of the check"),
    latencyMs: z.number().int().describe("How long the registry took to answer GET /config"),
  }),
  z.object({
    state: z.literal("unreachable"),
    checkedAt: z.string(),
    problem: z.object({
      title: z.string(),
      hint: z.string(),
      code: z
        .string()
        .optional()
        .describe('Confluent error_code, "HTTP <status>" or the network/TLS error code'),
    }),
  }),
]);
export type RegistryHealth = z.infer<typeof registryHealthSchema>;

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const SUBJECT_PAGE_SIZE = 50;

/** GET …/schema-registry/subjects: a case-insensitive name search and a page. */
export const subjectListQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().max(255).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1, "Pages start at 1").optional()),
  pageSize: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(500, "At most 500 subjects per page").optional(),
  ),
});
export type SubjectListQuery = z.infer<typeof subjectListQuerySchema>;

export const subjectPageSchema = z.object({
  cluster: z.string(),
  subjects: z.array(z.string()).describe("Subject names, sorted, this page only"),
  total: z.number().int().describe("Subjects matching the search"),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SubjectPage = z.infer<typeof subjectPageSchema>;
