"use client";

import { useActionState } from "react";
import { ROLES } from "@/lib/schemas/auth";
import { setUserDisabled } from "@/lib/actions/set-user-disabled";
import { setUserRole } from "@/lib/actions/set-user-role";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { UserRow } from "./user-row";

function RowError({ message }: { message: string }) {
  return (
    <p role="alert" className="mt-1 max-w-48 text-xs text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}

/**
 * The role select and its Save button. Keyed by the saved role in the table, so after a refusal
 * (the last admin, say) or a save the select shows what is stored.
 */
export function UserRoleForm({ user }: { user: UserRow }) {
  const [state, formAction, pending] = useActionState(setUserRole, null);
  return (
    <form action={formAction} onSubmit={(event) => pending && event.preventDefault()}>
      <div className="flex items-center gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <Select
          name="role"
          defaultValue={user.role}
          aria-label={`Role for ${user.username}`}
          className="w-30"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </Select>
        <Button type="submit" aria-label={`Save role for ${user.username}`} aria-busy={pending || undefined}>
          Save
        </Button>
      </div>
      {state && !state.ok && <RowError message={state.error} />}
    </form>
  );
}

interface UserRowActionsProps {
  user: UserRow;
  /** Both ask first, in a dialog the table owns (a deleted row cannot host its own dialog). */
  onResetPassword: () => void;
  onDelete: () => void;
}

export function UserRowActions({ user, onResetPassword, onDelete }: UserRowActionsProps) {
  const [state, formAction, pending] = useActionState(setUserDisabled, null);
  const disabled = user.disabledAt !== null;
  return (
    <div>
      <div className="flex justify-end gap-1.5 whitespace-nowrap">
        {/* A single sign-on user's password is the identity provider's to reset. */}
        {user.provider === null && (
          <Button onClick={onResetPassword} aria-label={`Reset password for ${user.username}`}>
            Reset password
          </Button>
        )}
        {/* Enabling or disabling is undone as easily, so it does not ask first. */}
        <form action={formAction} onSubmit={(event) => pending && event.preventDefault()}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={String(!disabled)} />
          <Button
            type="submit"
            aria-label={`${disabled ? "Enable" : "Disable"} ${user.username}`}
            aria-busy={pending || undefined}
          >
            {disabled ? "Enable" : "Disable"}
          </Button>
        </form>
        <Button
          onClick={onDelete}
          aria-label={`Delete ${user.username}`}
          className="text-red-700 dark:text-red-400"
        >
          Delete
        </Button>
      </div>
      {state && !state.ok && <RowError message={state.error} />}
    </div>
  );
}
