import type { Metadata } from "next";
import Link from "next/link";
import { safeNextPath } from "@/lib/safe-next-path";
import { requirePagePermission } from "@/lib/server/auth";
import { AuthCard } from "@/components/auth/auth-card";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Change password" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ChangePasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePagePermission("session.use", { allowPasswordChange: true });
  const params = await searchParams;
  const next = safeNextPath(Array.isArray(params.next) ? params.next[0] : params.next);
  const forced = principal.user.mustChangePassword;
  return (
    <AuthCard
      title={forced ? "Choose a new password" : "Change password"}
      description={
        forced ? (
          <p>
            Signed in as{" "}
            <strong className="text-zinc-900 dark:text-zinc-100">{principal.user.username}</strong> with a
            password someone else set. Choose your own before you continue; other sessions of this account
            end.
          </p>
        ) : (
          <p>
            For <strong className="text-zinc-900 dark:text-zinc-100">{principal.user.username}</strong>.
            {principal.user.provider === null && " Your other sessions end; this one stays signed in."}
          </p>
        )
      }
      footer={
        <div className="flex items-center justify-center gap-3">
          {!forced && (
            <Link
              href={next}
              className="underline underline-offset-2 hover:text-zinc-900 dark:hover:text-zinc-100"
            >
              Cancel
            </Link>
          )}
          <SignOutButton variant="secondary" />
        </div>
      }
    >
      {principal.user.provider === null ? (
        <ChangePasswordForm username={principal.user.username} next={next} />
      ) : (
        // Single sign-on users have no console password; their provider keeps it.
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          You sign in through single sign-on: change your password with your identity provider.
        </p>
      )}
    </AuthCard>
  );
}
