// SCRAM credentials of users on a cluster (AlterUserScramCredentials): one schema for the page's
// form, the server actions and the REST routes. Pure: the form validates with it too. Passwords
// never appear in an issue's message.
import { z } from "zod";

import { refuseControlCharacters } from "./control-characters";

export const SCRAM_MECHANISMS = ["SCRAM-SHA-256", "SCRAM-SHA-512"] as const;
export type ScramMechanismName = (typeof SCRAM_MECHANISMS)[number];

/** Kafka's ScramMechanism bounds: below 4096 or above 16384 iterations it refuses the credential. */
export const SCRAM_MIN_ITERATIONS = 4096;
export const SCRAM_MAX_ITERATIONS = 16384;
export const SCRAM_DEFAULT_ITERATIONS = 8192;
export const SCRAM_MIN_PASSWORD = 8;
export const SCRAM_MAX_PASSWORD = 1024;

export const scramUserNameSchema = z
  .string()
  .trim()
  .min(1, "Name the user")
  .max(255, "At most 255 characters")
  .superRefine(refuseControlCharacters("user name"));

const numberFromForm = (value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? Number(value) : value;

export const scramUpsertSchema = z
  .object({
    user: scramUserNameSchema,
    mechanism: z.enum(SCRAM_MECHANISMS, { error: "Choose SCRAM-SHA-256 or SCRAM-SHA-512" }),
    iterations: z
      .preprocess(
        numberFromForm,
        z
          .number({ error: "A whole number" })
          .int("A whole number")
          .min(SCRAM_MIN_ITERATIONS, `At least ${SCRAM_MIN_ITERATIONS} (Kafka's minimum)`)
          .max(SCRAM_MAX_ITERATIONS, `At most ${SCRAM_MAX_ITERATIONS} (Kafka's maximum)`),
      )
      .default(SCRAM_DEFAULT_ITERATIONS),
    /** "generate": the server makes a random password and answers it once. Without it: typed when a password is given. */
    passwordMode: z.enum(["generate", "type"]).optional(),
    password: z.string().max(SCRAM_MAX_PASSWORD, `At most ${SCRAM_MAX_PASSWORD} characters`).optional(),
  })
  .superRefine((input, ctx) => {
    const mode = input.passwordMode ?? (input.password ? "type" : "generate");
    if (mode === "type" && (input.password ?? "").length < SCRAM_MIN_PASSWORD)
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message: `Type a password of at least ${SCRAM_MIN_PASSWORD} characters, or let the console generate one`,
      });
  })
  .transform(({ passwordMode, password, ...rest }) => {
    const generate = (passwordMode ?? (password ? "type" : "generate")) === "generate";
    return { ...rest, password: generate ? undefined : password };
  });
export type ScramUpsertInput = z.output<typeof scramUpsertSchema>;

export const scramDeleteSchema = z.object({
  user: scramUserNameSchema,
  /** Only this mechanism's credential; absent: every credential the user has. */
  mechanism: z.enum(SCRAM_MECHANISMS).optional(),
});
export type ScramDeleteInput = z.output<typeof scramDeleteSchema>;

export interface ScramCredentialInfo {
  mechanism: ScramMechanismName | "UNKNOWN";
  iterations: number;
}

export interface ScramUser {
  user: string;
  credentials: ScramCredentialInfo[];
}

/** What an upsert answers: the password only when the console generated it, shown once. */
export interface ScramUserUpserted {
  cluster: string;
  user: string;
  mechanism: ScramMechanismName;
  iterations: number;
  created: boolean;
  generatedPassword?: string;
}
