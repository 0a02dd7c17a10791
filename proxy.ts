// Runs before every page request: a fresh nonce and the Content-Security-Policy built on it, and the
// path the browser asked for (x-pathname) so a page can send an anonymous visitor to
// /login?next=<that path>. Not a security boundary: pages, actions and routes check for themselves.
// The headers that never change per request are in next.config.js.
import { type NextRequest, NextResponse } from "next/server";

import { safeNextPath } from "@/lib/safe-next-path";
import { contentSecurityPolicy } from "@/lib/server/auth/content-security-policy";

const SESSION_COOKIE = "kc_session";
// Pages that need a signed-in user; anonymous document requests go straight to the sign-in form.
const SIGNED_IN_AREAS = /^\/(?:console|tools|account)(?:\/|$)/;
// Public by design: the CA certificates and the CRL, which clients and brokers fetch without signing in.
const PUBLIC_PAGES = /^\/tools\/ca(?:\/|$)/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const path = `${pathname}${search}`;

  const anonymous = !request.cookies.has(SESSION_COOKIE) && !request.headers.has("authorization");
  // Only full page loads: client navigations (rsc) and actions get their answer from the page itself.
  if (
    anonymous &&
    request.method === "GET" &&
    !request.headers.has("rsc") &&
    SIGNED_IN_AREAS.test(pathname) &&
    !PUBLIC_PAGES.test(pathname)
  ) {
    const login = new URL("/login", request.url);
    // Our own path, but through the one function every reader of `next` trusts.
    login.searchParams.set("next", safeNextPath(path));
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-pathname", path);
  // Next reads the nonce from the request's policy and puts it on its own scripts.
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Not for static files, images and the REST APIs (JSON needs no policy and gets no redirect). The
  // Confluent ones too (/kafka/v3, its /v3 rewrite, v2 /consumers): a request through the proxy has
  // its body buffered for it, up to 10 MB, so a streamed v3 produce lost every record past 10 MB.
  // Nor the probes and metrics (/healthz, /readyz, /metrics): called every few seconds, no page.
  matcher: [
    "/((?!_next/static|_next/image|api/|kafka/|v3/|consumers/|favicon.ico|icon.svg|healthz|readyz|metrics).*)",
  ],
};
