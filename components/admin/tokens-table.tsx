"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { revokeApiToken } from "@/lib/actions/revoke-api-token";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { TokenRow } from "./token-row";
import { tokenStatusTone } from "./token-status";
import { UtcTime } from "./utc-time";

export function TokensTable({ tokens }: { tokens: TokenRow[] }) {
  const titleId = useId();
  const [revoking, setRevoking] = useState<{ token: TokenRow; error?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // A revoked token loses its Revoke button, which opened the dialog: focus the notice instead.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const confirm = () => {
    if (!revoking) return;
    const { token } = revoking;
    startTransition(async () => {
      const result = await revokeApiToken(null, { tokenId: token.id });
      if (result.ok) {
        setRevoking(null);
        setNotice(`Revoked token ${token.name}.`);
      } else setRevoking({ token, error: result.error });
    });
  };

  return (
    <Card>
      <CardHeader
        title="API tokens"
        titleId={titleId}
        description="Accepted as a Bearer token, or as HTTP Basic with the token's id and secret."
      />
      {notice && (
        <p
          ref={noticeRef}
          role="status"
          tabIndex={-1}
          className="border-b border-zinc-200 bg-emerald-50 px-5 py-2 text-sm text-emerald-900 focus:outline-none dark:border-zinc-800 dark:bg-emerald-950/50 dark:text-emerald-200"
        >
          {notice}
        </p>
      )}
      <Table aria-labelledby={titleId}>
        <TableHead>
          <tr>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>ID</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Created</TableHeaderCell>
            <TableHeaderCell>Expires</TableHeaderCell>
            <TableHeaderCell>Last used</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <TableCell className="font-medium">{token.name}</TableCell>
              <TableCell className="font-mono text-xs">{token.id}</TableCell>
              <TableCell>{token.role}</TableCell>
              <TableCell>
                <div>
                  <UtcTime iso={token.createdAt} />
                </div>
                <div className="text-xs text-zinc-500 dark:text-zinc-400">by {token.createdBy}</div>
              </TableCell>
              <TableCell>
                <UtcTime iso={token.expiresAt} fallback="Never" />
              </TableCell>
              <TableCell>
                <UtcTime iso={token.lastUsedAt} fallback="Never" />
              </TableCell>
              <TableCell>
                <Badge tone={tokenStatusTone[token.status]}>{token.status}</Badge>
              </TableCell>
              <TableCell className="text-right">
                {token.status !== "revoked" && (
                  <Button
                    onClick={() => setRevoking({ token })}
                    aria-label={`Revoke ${token.name}`}
                    className="text-red-700 dark:text-red-400"
                  >
                    Revoke
                  </Button>
                )}
              </TableCell>
            </tr>
          ))}
          {tokens.length === 0 && (
            <tr>
              <TableCell colSpan={8} className="text-zinc-600 dark:text-zinc-400">
                No API tokens yet. Create one above for a script or a pipeline.
              </TableCell>
            </tr>
          )}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke token ${revoking?.token.name ?? ""}?`}
        confirmLabel="Revoke token"
        destructive
        pending={pending}
        error={revoking?.error}
        onConfirm={confirm}
        onClose={() => setRevoking(null)}
      >
        <p>
          Clients presenting it are refused from their next request on. A revoked token cannot be restored;
          create a new one instead.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
