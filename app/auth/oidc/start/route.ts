// GET /auth/oidc/start?next=… – begins single sign-on: a sealed login transaction and the provider's login page
import * as auth from "@/lib/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const location = await auth.startOidcSignIn(new URL(request.url).searchParams.get("next"));
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
