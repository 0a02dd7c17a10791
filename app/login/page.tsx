import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/safe-next-path";
import { getPrincipal } from "@/lib/server/auth";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
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
  return (
    <AuthCard title="Sign in" description="Use your console account.">
      <div className="space-y-4">
        {notice && <FormMessage tone="notice">{notice}</FormMessage>}
        {/* Already made safe for the page; the action checks again, since anyone can post any value. */}
        <SignInForm next={next} />
      </div>
    </AuthCard>
  );
}
