"use client";

import { useId, useState, useTransition } from "react";
import { deleteUser } from "@/lib/actions/delete-user";
import { resetUserPassword } from "@/lib/actions/reset-user-password";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TableBody, TableHead } from "@/components/ui/table";
import { DenseCell, DenseHeaderCell } from "@/components/ui/dense-cells";
import { TableNotice } from "./table-notice";
import { OneTimeSecret } from "./one-time-secret";
import type { UserRow } from "./user-row";
import { UserRowActions, UserRoleForm } from "./user-row-actions";
import { UtcTime } from "@/components/ui/utc-time";

type PendingDialog =
  | { kind: "reset"; user: UserRow; error?: string; password?: string }
  | { kind: "delete"; user: UserRow; error?: string };

interface UsersTableProps {
  users: UserRow[];
  /** The signed-in admin, marked "(you)". The server refuses to disable or delete them. */
  currentUserId: string;
}

export function UsersTable({ users, currentUserId }: UsersTableProps) {
  const titleId = useId();
  const [dialog, setDialog] = useState<PendingDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () => {
    if (!dialog) return;
    const { user } = dialog;
    startTransition(async () => {
      if (dialog.kind === "reset") {
        const result = await resetUserPassword(null, { userId: user.id });
        setDialog(
          result.ok
            ? { kind: "reset", user, password: result.data.password }
            : { kind: "reset", user, error: result.error },
        );
      } else {
        const result = await deleteUser(null, { userId: user.id });
        if (result.ok) {
          setDialog(null);
          setNotice(`Deleted user ${user.username}.`);
        } else setDialog({ kind: "delete", user, error: result.error });
      }
    });
  };

  return (
    <Card>
      <CardHeader
        title="Users"
        titleId={titleId}
        description={`${users.length} ${users.length === 1 ? "user" : "users"} can sign in to the console.`}
      />
      <TableNotice notice={notice} />
      <div className="overflow-x-auto">
        <table aria-labelledby={titleId} className="w-full border-collapse text-left text-sm">
          <TableHead>
            <tr>
              <DenseHeaderCell>User name</DenseHeaderCell>
              <DenseHeaderCell>Role</DenseHeaderCell>
              <DenseHeaderCell>Created</DenseHeaderCell>
              <DenseHeaderCell>Last sign-in</DenseHeaderCell>
              <DenseHeaderCell>Status</DenseHeaderCell>
              <DenseHeaderCell>
                <span className="sr-only">Actions</span>
              </DenseHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {users.map((user) => (
              <tr key={user.id}>
                <DenseCell className="font-medium whitespace-nowrap">
                  {user.username}
                  {user.id === currentUserId && (
                    <span className="ml-1 font-normal text-zinc-500 dark:text-zinc-400">(you)</span>
                  )}
                </DenseCell>
                <DenseCell>
                  <UserRoleForm key={user.role} user={user} />
                </DenseCell>
                <DenseCell>
                  <UtcTime iso={user.createdAt} stacked />
                </DenseCell>
                <DenseCell>
                  <UtcTime iso={user.lastSignInAt} fallback="Never" stacked />
                </DenseCell>
                <DenseCell>
                  <div className="flex flex-col items-start gap-1">
                    {user.disabledAt ? (
                      <Badge tone="danger">Disabled</Badge>
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )}
                    {user.mustChangePassword && <Badge tone="warning">Must change password</Badge>}
                    {user.provider !== null && <Badge tone="neutral">Single sign-on</Badge>}
                  </div>
                </DenseCell>
                <DenseCell>
                  <UserRowActions
                    user={user}
                    onResetPassword={() => setDialog({ kind: "reset", user })}
                    onDelete={() => setDialog({ kind: "delete", user })}
                  />
                </DenseCell>
              </tr>
            ))}
          </TableBody>
        </table>
      </div>

      <ConfirmDialog
        open={dialog?.kind === "reset"}
        title={`Reset the password of ${dialog?.user.username ?? ""}?`}
        confirmLabel="Reset password"
        pending={pending}
        error={dialog?.error}
        result={
          dialog?.kind === "reset" && dialog.password ? (
            <OneTimeSecret
              label="New password"
              value={dialog.password}
              note={`Give it to ${dialog.user.username}; they must choose a new password at their next sign-in.`}
            />
          ) : undefined
        }
        onConfirm={confirm}
        onClose={() => setDialog(null)}
      >
        <p>
          The console generates a new password and shows it once. {dialog?.user.username} is signed out
          everywhere and must choose a new password at the next sign-in.
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog?.kind === "delete"}
        title={`Delete user ${dialog?.user.username ?? ""}?`}
        confirmLabel="Delete user"
        destructive
        pending={pending}
        error={dialog?.error}
        onConfirm={confirm}
        onClose={() => setDialog(null)}
      >
        <p>
          {dialog?.user.username} can no longer sign in and their sessions end. Their entries in the audit
          trail stay. This cannot be undone.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
