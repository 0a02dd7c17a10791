// The Content-Security-Policy for pages (set per request by proxy.ts). Scripts run only with this
// request's nonce, and what they load ('strict-dynamic'): no 'unsafe-inline' for scripts.
// No "server-only" guard: proxy.ts imports it, and it holds nothing secret.

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Development only: React rebuilds server error stacks in the browser with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce in production. The dev server's overlay and hot reloading
    // insert <style> elements without one, so development allows them inline.
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // style="" attributes cannot carry a nonce; CSS in an attribute cannot run script, and React's
    // style prop renders one on the server, so attributes alone are allowed inline.
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
