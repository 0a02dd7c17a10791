"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { deleteScramUser } from "@/lib/actions/delete-scram-user";
import { aclsPath } from "@/lib/paths";
import type { ScramMechanismName, ScramUser } from "@/lib/schemas/scram-users";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

type Pending = { user: string; mechanism?: ScramMechanismName } | null;

/** SCRAM users with their mechanisms and iterations; delete one mechanism or the user after confirming. */
export function ScramUsersTable({
  cluster,
  users,
  onChangePassword,
}: {
  cluster: string;
  users: ScramUser[];
  onChangePassword: (user: string, mechanism: ScramMechanismName) => void;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string>();
  const [working, startWork] = useTransition();

  if (users.length === 0)
    return (
      <div className="p-5">
        <EmptyState
          title="No SCRAM users"
          description="Nobody can sign in with SCRAM on this cluster yet. Create a user below."
        />
      </div>
    );

  const close = () => {
    setPending(null);
    setError(undefined);
  };
  const confirm = () => {
    if (!pending) return;
    startWork(async () => {
      const result = await deleteScramUser(null, { cluster, ...pending });
      if (!result.ok) return setError(result.error);
      close();
      router.refresh();
    });
  };

  return (
    <>
      <Table aria-label="SCRAM users">
        <TableHead>
          <tr>
            <TableHeaderCell>User</TableHeaderCell>
            <TableHeaderCell>Mechanisms</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {users.map(({ user, credentials }) => (
            <tr key={user}>
              <TableCell className="font-mono break-all">{user}</TableCell>
              <TableCell>
                <ul className="flex flex-col gap-1.5">
                  {credentials.map(({ mechanism, iterations }) => (
                    <li key={mechanism} className="flex flex-wrap items-center gap-2">
                      <Badge tone="info">{mechanism}</Badge>
                      <span className="text-zinc-600 dark:text-zinc-400">{iterations} iterations</span>
                      {mechanism !== "UNKNOWN" && (
                        <>
                          <Button variant="ghost" onClick={() => onChangePassword(user, mechanism)}>
                            Change password
                          </Button>
                          {credentials.length > 1 && (
                            <Button
                              variant="ghost"
                              aria-label={`Delete ${mechanism} of ${user}`}
                              onClick={() => setPending({ user, mechanism })}
                            >
                              Delete {mechanism}…
                            </Button>
                          )}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </TableCell>
              <TableCell className="text-right whitespace-nowrap">
                <Link
                  href={aclsPath(cluster, { principal: `User:${user}` })}
                  className="mr-3 text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
                >
                  Grant access…
                </Link>
                <Button aria-label={`Delete user ${user}`} onClick={() => setPending({ user })}>
                  Delete…
                </Button>
              </TableCell>
            </tr>
          ))}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.mechanism
            ? `Delete the ${pending.mechanism} credential of ${pending.user}?`
            : `Delete SCRAM user ${pending?.user ?? ""}?`
        }
        confirmLabel={pending?.mechanism ? "Delete credential" : "Delete user"}
        destructive
        pending={working}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        <p>
          {pending?.mechanism
            ? `Clients of ${pending.user} that sign in with ${pending.mechanism} are refused from now on; the user's other mechanism stays.`
            : `Every SCRAM credential of ${pending?.user ?? ""} goes: its clients can no longer sign in. Its ACL bindings stay until you delete them.`}
        </p>
      </ConfirmDialog>
    </>
  );
}
