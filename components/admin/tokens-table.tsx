"use client";

import { useId, useState, useTransition } from "react";
import { revokeApiToken } from "@/lib/actions/revoke-api-token";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TableBody, TableHead } from "@/components/ui/table";
import { DenseCell, DenseHeaderCell } from "@/components/ui/dense-cells";
import { TableNotice } from "./table-notice";
import type { TokenRow } from "./token-row";
import { tokenStatusTone } from "./token-status";
import { UtcTime } from "@/components/ui/utc-time";

export function TokensTable({ tokens }: { tokens: TokenRow[] }) {
  const titleId = useId();
  const [revoking, setRevoking] = useState<{ token: TokenRow; error?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

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
      <TableNotice notice={notice} />
      <div className="overflow-x-auto">
        <table aria-labelledby={titleId} className="w-full border-collapse text-left text-sm">
          <TableHead>
            <tr>
              <DenseHeaderCell>Name</DenseHeaderCell>
              <DenseHeaderCell>ID</DenseHeaderCell>
              <DenseHeaderCell>Role</DenseHeaderCell>
              <DenseHeaderCell>Created</DenseHeaderCell>
              <DenseHeaderCell>Expires</DenseHeaderCell>
              <DenseHeaderCell>Last used</DenseHeaderCell>
              <DenseHeaderCell>Status</DenseHeaderCell>
              <DenseHeaderCell>
                <span className="sr-only">Actions</span>
              </DenseHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <DenseCell className="font-medium whitespace-nowrap">{token.name}</DenseCell>
                <DenseCell className="font-mono text-xs">{token.id}</DenseCell>
                <DenseCell>{token.role}</DenseCell>
                <DenseCell>
                  <UtcTime iso={token.createdAt} />
                  <div className="text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
                    by {token.createdBy}
                  </div>
                </DenseCell>
                <DenseCell>
                  <UtcTime iso={token.expiresAt} fallback="Never" />
                </DenseCell>
                <DenseCell>
                  <UtcTime iso={token.lastUsedAt} fallback="Never" />
                </DenseCell>
                <DenseCell>
                  <Badge tone={tokenStatusTone[token.status]}>{token.status}</Badge>
                </DenseCell>
                <DenseCell className="text-right">
                  {token.status !== "revoked" && (
                    <Button
                      onClick={() => setRevoking({ token })}
                      aria-label={`Revoke ${token.name}`}
                      className="text-red-700 dark:text-red-400"
                    >
                      Revoke
                    </Button>
                  )}
                </DenseCell>
              </tr>
            ))}
            {tokens.length === 0 && (
              <tr>
                <DenseCell colSpan={8} className="text-zinc-600 dark:text-zinc-400">
                  No API tokens yet. Create one above for a script or a pipeline.
                </DenseCell>
              </tr>
            )}
          </TableBody>
        </table>
      </div>
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
