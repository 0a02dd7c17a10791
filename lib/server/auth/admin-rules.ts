// Rules for changing users that keep the console administrable, pure so they are tested alone.
import type { Role } from "@/lib/schemas/auth";
import type { UserRecord } from "@/lib/server/store/types";

type UserFacts = Pick<UserRecord, "id" | "role" | "disabledAt">;

const isActiveAdmin = (user: UserFacts) => user.role === "admin" && user.disabledAt === null;

/** True when the change would leave no enabled admin. */
export function removesLastAdmin(
  users: readonly UserFacts[],
  userId: string,
  change: { role?: Role; disabled?: boolean; deleted?: boolean },
): boolean {
  const target = users.find((user) => user.id === userId);
  if (!target || !isActiveAdmin(target)) return false;
  const stillAdmin = !change.deleted && !change.disabled && (change.role ?? target.role) === "admin";
  if (stillAdmin) return false;
  return !users.some((user) => user.id !== userId && isActiveAdmin(user));
}
