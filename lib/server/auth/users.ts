import "server-only";

import { can } from "@/lib/permissions";
import { type Role, roleSchema, usernameSchema } from "@/lib/schemas/auth";
import { actionError, actionOk, type ActionResult } from "@/lib/errors";
import { getStore } from "@/lib/server/store";
import { type ConsoleStore, isStoreConflictError, type UserRecord } from "@/lib/server/store/types";

import { removesLastAdmin } from "./admin-rules";
import { appendAudit } from "./audit";
import { hashPassword } from "./password";
import { type Principal, type PublicUser, publicUser, userActor } from "./principal-types";
import { randomPassword } from "./random-password";
import { revokeTokensCreatedBy } from "./tokens";
import { currentRequestFacts } from "./request-context";

const LAST_ADMIN = "The console needs at least one enabled admin; make another user admin first.";

/** Every mutation re-checks the role: the guards are the first line, not the only one. */
function adminOnly(actor: Principal): ActionResult<never> | null {
  return can(actor.role, "user.manage") ? null : actionError(403, "Only admins manage users.");
}

export async function listUsers(): Promise<PublicUser[]> {
  return (await getStore().users.list()).map(publicUser);
}

export async function createUser(
  input: { username: string; role: Role },
  actor: Principal,
): Promise<ActionResult<{ user: PublicUser; initialPassword: string }>> {
  const denied = adminOnly(actor);
  if (denied) return denied;
  const username = usernameSchema.safeParse(input.username);
  const role = roleSchema.safeParse(input.role);
  if (!username.success || !role.success)
    return actionError(400, "Check the user name and role.", {
      ...(username.success ? {} : { username: username.error.issues.map((issue) => issue.message) }),
      ...(role.success ? {} : { role: ["Choose viewer, operator or admin"] }),
    });
  const initialPassword = randomPassword();
  const passwordHash = await hashPassword(initialPassword);
  const store = getStore();
  const facts = await currentRequestFacts();
  try {
    const user = await store.transaction(async (tx) => {
      const created = await tx.users.create({
        username: username.data,
        role: role.data,
        passwordHash,
        mustChangePassword: true,
      });
      await appendAudit(
        tx,
        {
          actor: actor.actor,
          action: "user.create",
          target: userActor(created.username),
          outcome: "success",
          details: { role: created.role },
        },
        facts,
      );
      return created;
    });
    return actionOk({ user: publicUser(user), initialPassword });
  } catch (error) {
    if (isStoreConflictError(error))
      return actionError(409, `A user named "${username.data}" already exists.`, {
        username: ["This name is taken"],
      });
    throw error;
  }
}

/** Looks the user up and applies a change in one transaction, with its audit record. */
async function changeUser<T>(
  userId: string,
  actor: Principal,
  action: string,
  change: (
    user: UserRecord,
    tx: ConsoleStore,
  ) => Promise<ActionResult<T> & { details?: Record<string, string | number | boolean | null> }>,
): Promise<ActionResult<T>> {
  const denied = adminOnly(actor);
  if (denied) return denied;
  const store = getStore();
  const facts = await currentRequestFacts();
  return store.transaction(async (tx) => {
    const user = await tx.users.findById(userId);
    if (!user) return actionError(404, "There is no such user.");
    const { details, ...result } = await change(user, tx);
    await appendAudit(
      tx,
      {
        actor: actor.actor,
        action,
        target: userActor(user.username),
        outcome: result.ok ? "success" : "failure",
        details: result.ok ? details : { reason: result.error },
      },
      facts,
    );
    return result;
  });
}

const isSelf = (actor: Principal, userId: string) => actor.kind === "user" && actor.user.id === userId;

export async function setUserRole(
  userId: string,
  role: Role,
  actor: Principal,
): Promise<ActionResult<PublicUser>> {
  if (!roleSchema.safeParse(role).success) return actionError(400, "Choose viewer, operator or admin.");
  return changeUser(userId, actor, "user.set-role", async (user, tx) => {
    if (removesLastAdmin(await tx.users.list(), user.id, { role })) return actionError(409, LAST_ADMIN);
    const updated = await tx.users.update(user.id, { role });
    if (!updated) return actionError(404, "There is no such user.");
    return { ...actionOk(publicUser(updated)), details: { from: user.role, to: role } };
  });
}

export async function resetUserPassword(
  userId: string,
  actor: Principal,
): Promise<ActionResult<{ password: string }>> {
  const denied = adminOnly(actor);
  if (denied) return denied;
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  return changeUser(userId, actor, "user.reset-password", async (user, tx) => {
    if (user.provider !== null)
      return actionError(
        409,
        `${user.username} signs in through single sign-on and has no password to reset.`,
      );
    await tx.users.update(user.id, { passwordHash, mustChangePassword: true });
    const ended = await tx.sessions.deleteForUser(user.id);
    return { ...actionOk({ password }), details: { sessionsEnded: ended } };
  });
}

export async function setUserDisabled(
  userId: string,
  disabled: boolean,
  actor: Principal,
): Promise<ActionResult<PublicUser>> {
  return changeUser(userId, actor, disabled ? "user.disable" : "user.enable", async (user, tx) => {
    if (isSelf(actor, user.id)) return actionError(409, "You cannot disable or enable your own account.");
    if (removesLastAdmin(await tx.users.list(), user.id, { disabled })) return actionError(409, LAST_ADMIN);
    if ((user.disabledAt !== null) === disabled) return actionOk(publicUser(user));
    const updated = await tx.users.update(user.id, {
      disabledAt: disabled ? new Date().toISOString() : null,
    });
    if (!updated) return actionError(404, "There is no such user.");
    const ended = disabled ? await tx.sessions.deleteForUser(user.id) : 0;
    return { ...actionOk(publicUser(updated)), details: { sessionsEnded: ended } };
  });
}

/** Also revokes the API tokens the user created: they acted with the user's authority (token-creator.ts). */
export async function deleteUser(userId: string, actor: Principal): Promise<ActionResult<null>> {
  const facts = await currentRequestFacts();
  return changeUser(userId, actor, "user.delete", async (user, tx) => {
    if (isSelf(actor, user.id)) return actionError(409, "You cannot delete your own account.");
    if (removesLastAdmin(await tx.users.list(), user.id, { deleted: true }))
      return actionError(409, LAST_ADMIN);
    const ended = await tx.sessions.deleteForUser(user.id);
    const tokensRevoked = await revokeTokensCreatedBy(tx, user.username, actor, facts);
    await tx.users.delete(user.id);
    return { ...actionOk(null), details: { role: user.role, sessionsEnded: ended, tokensRevoked } };
  });
}
