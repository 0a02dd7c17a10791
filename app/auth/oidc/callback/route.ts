// GET /auth/oidc/callback – the provider's redirect back: checks the answer, decides the role, opens a session
import * as auth from "@/lib/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const location = await auth.finishOidcSignIn(new URL(request.url));
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
