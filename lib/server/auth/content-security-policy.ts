// The Content-Security-Policy for pages (set per request by proxy.ts). Scripts run only with this
// request's nonce, and what they load ('strict-dynamic'): no 'unsafe-inline' for scripts.
// No "server-only" guard: proxy.ts imports it, and it holds nothing secret.

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Development only: React rebuilds server error stacks in the browser with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce; style="" attributes (React's style prop, used by Next's
    // route announcer and our components) cannot carry one, so attributes alone are allowed inline.
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // 'self' covers the dev server's websocket (ws: on the same host) in current browsers.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ];
  return directives.join("; ");
}
