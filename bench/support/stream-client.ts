// An HTTP client for the search stream, as a browser's EventSource asks for it (Server-Sent Events),
// that reads at a chosen pace (a slow browser) and parses the `data:` lines as they arrive.
import { get, type IncomingMessage } from "node:http";

import type { SearchEvent } from "@/lib/messages/events";

export interface StreamClientOptions {
  /** Read at most this many bytes per tick; unset reads as fast as the data comes. */
  bytesPerTick?: number;
  tickMs?: number;
  /** Read slowly for this long, then as fast as possible (to finish in bounded time). */
  slowForMs?: number;
  /** More request headers, e.g. Authorization for the console's REST route. */
  headers?: Record<string, string>;
  /** Called with each event and the moment (performance.now()) its line was read. */
  onEvent?: (event: SearchEvent, at: number) => void;
}

export interface StreamClient {
  /** Resolves when the server ends the stream, with every event received. */
  finished: Promise<{ bytes: number; events: number }>;
  /** Closes the connection, as a closed tab does. */
  close(): void;
}

export function openStream(url: string, options: StreamClientOptions = {}): StreamClient {
  let response: IncomingMessage | undefined;
  let timer: NodeJS.Timeout | undefined;
  const request = get(url, { headers: { accept: "text/event-stream", ...options.headers } });
  const finished = new Promise<{ bytes: number; events: number }>((resolve, reject) => {
    let pending = "";
    let bytes = 0;
    let events = 0;
    const consume = (chunk: Buffer) => {
      bytes += chunk.length;
      const lines = (pending + chunk.toString("utf8")).split("\n");
      pending = lines.pop() ?? "";
      const at = performance.now();
      for (const line of lines) {
        if (!line.startsWith("data:")) continue;
        events++;
        options.onEvent?.(JSON.parse(line.slice(5)) as SearchEvent, at);
      }
    };
    request.on("error", reject);
    request.on("response", (answer) => {
      response = answer;
      if (answer.statusCode !== 200) {
        let body = "";
        answer.on("data", (chunk: Buffer) => (body += chunk.toString()));
        answer.on("end", () => reject(new Error(`HTTP ${answer.statusCode}: ${body.slice(0, 500)}`)));
        return;
      }
      answer.on("end", () => {
        clearInterval(timer);
        resolve({ bytes, events });
      });
      answer.on("error", reject);
      const { bytesPerTick, tickMs = 50, slowForMs = Infinity } = options;
      const slowUntil = performance.now() + slowForMs;
      if (bytesPerTick === undefined) {
        answer.on("data", consume);
        return;
      }
      // Paused: unread data stays in the socket, TCP's window fills, the server's writes back up.
      answer.pause();
      timer = setInterval(() => {
        let budget = performance.now() < slowUntil ? bytesPerTick : Infinity;
        while (budget > 0) {
          const chunk = answer.read(Math.min(budget, Math.max(1, answer.readableLength))) as Buffer | null;
          if (!chunk) break;
          budget -= chunk.length;
          consume(chunk);
        }
      }, tickMs);
    });
  });
  return {
    finished,
    close: () => {
      clearInterval(timer);
      response?.destroy();
      request.destroy();
    },
  };
}
