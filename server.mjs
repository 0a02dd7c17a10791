// node server.mjs – the console's HTTP server: Next's request handler behind node:http, so every
// request carries facts Next does not give route handlers: the client's socket address (for the
// audit trail and sign-in throttling) and a request id. PORT (3000) and HOSTNAME (127.0.0.1) from
// the environment; production unless NODE_ENV=development.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

// Before Next loads: it picks React's production or development build from NODE_ENV.
process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "127.0.0.1";
const SHUTDOWN_GRACE_MS = 5_000;
// What a reverse proxy may pass on (nginx's $request_id is 32 hex digits); anything else is replaced.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
// Headers only a reverse proxy should write. Unless server.trustProxy says one does, they are the
// client's own text: a forged X-Forwarded-Host would pass Next's server-action origin check and
// ours, so they are deleted before Next or the console sees them.
const FORWARDED_HEADERS = [
  "forwarded",
  "x-forwarded-host",
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-port",
];
// Set by instrumentation.ts from the validated configuration during app.prepare(); anything but true
// (not set yet, a failed start) means "no proxy".
const TRUST_PROXY = Symbol.for("kafka-console.server.trust-proxy");

const server = createServer();
const app = next({
  dev,
  dir: fileURLToPath(new URL(".", import.meta.url)),
  hostname,
  port,
  httpServer: server,
});
await app.prepare();
const handle = app.getRequestHandler();

server.on("request", (req, res) => {
  if (globalThis[TRUST_PROXY] !== true) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  // Overwritten on every request: whatever a client sent under this name is dropped.
  req.headers["x-console-socket-address"] = req.socket.remoteAddress ?? "";
  const sent = req.headers["x-request-id"];
  const requestId = typeof sent === "string" && REQUEST_ID.test(sent) ? sent : randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  handle(req, res).catch((error) => {
    console.error(`${req.method} ${req.url} failed:`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

server.listen(port, hostname, () => {
  console.log(`Kafka console (${dev ? "development" : "production"}) at http://${hostname}:${port}`);
});

// Stop taking requests, let running ones finish, then exit. The Kafka pool and the store close
// themselves on the same signal and on exit. A second signal exits at once.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    process.exitCode = 0;
    // Nothing left open ends the process by itself; the timer covers whatever lingers.
    server.close(() => void app.close());
    server.closeIdleConnections();
    setTimeout(() => process.exit(), SHUTDOWN_GRACE_MS).unref();
  });
}
