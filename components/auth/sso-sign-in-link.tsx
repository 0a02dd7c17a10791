import { buttonClassName } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

interface SsoSignInLinkProps {
  /** "Sign in with <displayName>". */
  displayName: string;
  /** Where to land after signing in; the server refuses a `next` outside the console. */
  next: string;
  primary: boolean;
}

/** A plain link, not a client navigation: the start route answers with a redirect to the provider. */
export function SsoSignInLink({ displayName, next, primary }: SsoSignInLinkProps) {
  return (
    <a
      href={`/auth/oidc/start?next=${encodeURIComponent(next)}`}
      className={cn(buttonClassName(primary ? "primary" : "secondary"), "w-full justify-center")}
    >
      Sign in with {displayName}
    </a>
  );
}
