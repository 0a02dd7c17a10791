import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/safe-next-path";
import { getPrincipal, localAccountsEnabled, oidcSettings, readSsoNotice } from "@/lib/server/auth";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignInLink } from "@/components/auth/sso-sign-in-link";
import { FormMessage } from "@/components/ui/field";
import { passwordChangePath } from "@/lib/paths";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  "signed-out": "You have signed out.",
  expired: "Your session expired. Sign in again to continue.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(firstValue(params.next));
  const reason = firstValue(params.reason);
  const principal = await getPrincipal();
  if (principal?.kind === "user") {
    redirect(principal.user.mustChangePassword ? passwordChangePath() : next);
  }
  const notice = reason !== undefined && Object.hasOwn(notices, reason) ? notices[reason] : undefined;
  // Sealed by the console when single sign-on refused someone; a made-up value shows nothing.
  const refusal = readSsoNotice(firstValue(params.sso));
  const sso = oidcSettings();
  const local = localAccountsEnabled();
  return (
    <AuthCard
      title="Sign in"
      description={
        local ? "Use your console account." : `Use your ${sso?.displayName ?? "single sign-on"} account.`
      }
    >
      <div className="space-y-4">
        {notice && <FormMessage tone="notice">{notice}</FormMessage>}
        {refusal && <FormMessage tone="error">{refusal}</FormMessage>}
        {sso && <SsoSignInLink displayName={sso.displayName} next={next} primary={!local} />}
        {sso && local && (
          <p className="text-center text-xs text-zinc-500 dark:text-zinc-400">or with a console account</p>
        )}
        {/* Already made safe for the page; the action checks again, since anyone can post any value. */}
        {local && <SignInForm next={next} />}
      </div>
    </AuthCard>
  );
}
