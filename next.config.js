// @ts-check

// The same on every response, so here rather than in proxy.ts; the Content-Security-Policy needs a
// fresh nonce per request and is set there.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // Console URLs name topics, groups and users: never hand them to another site.
  { key: "Referrer-Policy", value: "no-referrer" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Kafka client and the CA stay on the server, loaded from node_modules at run time; so does
  // QuickJS (the JavaScript filter's sandbox), whose WebAssembly file is found next to its module.
  serverExternalPackages: [
    "@platformatic/kafka",
    // Must be the very module the external Kafka client loads: lib/server/kafka/contiguous-responses.ts patches it.
    "@platformatic/dynamic-buffer",
    "node-forge",
    "quickjs-emscripten",
    "quickjs-emscripten-core",
    "@jitl/quickjs-wasmfile-release-sync",
    // One copy per process: the /metrics registry and the counters the route guard records into.
    "prom-client",
  ],
  experimental: {
    // forbidden() and unauthorized() with app/forbidden.tsx: a 403 page for a role too low.
    authInterrupts: true,
    // Next 16 otherwise loads every route's server bundle when the server starts: ~50 MB of RSS idle
    // (the bundles' source text and compiled code, shared modules once per route), most of it for
    // routes a session may never open (issue 11's 200 MB ceiling). Each route loads on its first
    // request instead, as in `next dev`.
    preloadEntriesOnStart: false,
  },
  // Confluent REST Proxy clients call /v3/…; the routes live under /kafka/v3 (app/kafka/v3).
  async rewrites() {
    return [{ source: "/v3/:path*", destination: "/kafka/v3/:path*" }];
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
