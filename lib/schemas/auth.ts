// Roles, and the shapes of sign-in, user and token forms, shared by pages, actions, REST and the CLI.
import { z } from "zod";

/** Ordered: each role can do everything the roles before it can. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export const usernameSchema = z
  .string()
  .trim()
  .min(1, "Enter a user name")
  .max(64, "At most 64 characters")
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    "Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit",
  );

/** New passwords; sign-in accepts whatever was set before. */
export const newPasswordSchema = z
  .string()
  .min(12, "At least 12 characters")
  .max(256, "At most 256 characters");

export const signInSchema = z.object({
  username: z.string().trim().min(1, "Enter your user name").max(64),
  password: z.string().min(1, "Enter your password").max(256),
  /** Where to go after signing in; only what safeNextPath makes of it is honoured. */
  next: z.string().optional(),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(256),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((form) => form.newPassword === form.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  })
  .refine((form) => form.newPassword !== form.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });

export const createUserSchema = z.object({
  username: usernameSchema,
  role: roleSchema,
});

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token").max(80, "At most 80 characters"),
  role: roleSchema,
  /** Days until it expires; empty for no expiry. */
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});
