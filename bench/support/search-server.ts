// The search served over HTTP the way the route serves it: the engine's events in the route's
// streamed Response, piped to the socket with Node's back-pressure; a closed connection stops it.
// Runs in a process of its own (search-server-process.ts), so its memory is the server's alone.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

import type { SearchEvent } from "@/lib/messages/events";
import { parseMessageQuery } from "@/lib/schemas/messages";

import { BENCH_HOLDER, type Engine } from "./engine";

export interface StreamStats {
  /** Records the engine has handed to the encoder in the current or last stream. */
  engineRecords: number;
  /** Milliseconds from the client closing the connection to the stream's end; null if it ended first. */
  stopMs: number | null;
}

/** Serves GET /<topic>?<query>; `control` answers any path starting with /__. */
export async function serveSearches(
  cluster: string,
  engine: Engine,
  control: (path: string, stats: StreamStats) => unknown,
): Promise<number> {
  const stats: StreamStats = { engineRecords: 0, stopMs: null };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://bench");
    if (url.pathname.startsWith("/__")) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(control(url.pathname, stats) ?? null));
      return;
    }
    void serveSearch(cluster, engine, url, request, response, stats);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function serveSearch(
  cluster: string,
  engine: Engine,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
  stats: StreamStats,
) {
  const json = (status: number, body: unknown) =>
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  const parsed = parseMessageQuery(url.searchParams);
  if (!parsed.success) return json(422, parsed.error.issues);
  const topic = decodeURIComponent(url.pathname.slice(1));
  const controller = new AbortController();
  let closedAt: number | null = null;
  response.on("close", () => {
    if (!response.writableFinished) closedAt = performance.now();
    controller.abort();
  });
  const start = await engine.searchMessages(cluster, topic, parsed.data, {
    signal: controller.signal,
    holder: BENCH_HOLDER,
  });
  if (!start.ok) return json(start.status, start.problem);
  Object.assign(stats, { engineRecords: 0, stopMs: null });
  const events = countRecords(start.events, (count) => (stats.engineRecords += count));
  const webRequest = new Request(url, { headers: { accept: request.headers.accept ?? "" } });
  const answer = engine.eventStreamResponse(webRequest, events, { onCancel: () => controller.abort() });
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  await pipeline(Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>), response).catch(() => {});
  await events.return(undefined); // resolves once the engine's generator has finished (consumer closed)
  stats.stopMs = closedAt === null ? null : performance.now() - closedAt;
}

async function* countRecords(events: AsyncGenerator<SearchEvent>, count: (records: number) => void) {
  try {
    for await (const event of events) {
      if (event.type === "records") count(event.records.length);
      yield event;
    }
  } finally {
    await events.return(undefined);
  }
}
