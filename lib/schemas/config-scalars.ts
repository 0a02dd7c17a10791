// Scalar fields of the configuration. Environment overrides arrive as strings, so "60" and "true"
// count as the YAML number and boolean.
import { z } from "zod";

export const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
    z
      .number({ error: "expected a whole number" })
      .int("expected a whole number")
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  );

export const flag = z.preprocess(
  (value) => (value === "true" ? true : value === "false" ? false : value),
  z.boolean({ error: "expected true or false" }),
);
