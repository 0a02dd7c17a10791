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
