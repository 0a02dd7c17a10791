import type { Metadata } from "next";
import { apiTokenCreatorStanding, listApiTokens, requirePagePermission } from "@/lib/server/auth";
import { defaultClusterName } from "@/lib/server/kafka";
import { CreateTokenForm } from "@/components/admin/create-token-form";
import type { TokenRow } from "@/components/admin/token-row";
import { tokenStatus } from "@/components/admin/token-status";
import { TokensTable } from "@/components/admin/tokens-table";
import { PageHeader } from "@/components/shell/page-header";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requirePagePermission("token.manage");
  const now = new Date();
  const tokens: TokenRow[] = await Promise.all(
    (await listApiTokens())
      .toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map(async (token) => ({
        ...token,
        status: tokenStatus(token, now, await apiTokenCreatorStanding(token)),
      })),
  );
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Credentials for scripts and automation calling the console's REST API."
      />
      <div className="space-y-6">
        <CreateTokenForm cluster={defaultClusterName()} />
        <TokensTable tokens={tokens} />
      </div>
    </>
  );
}
