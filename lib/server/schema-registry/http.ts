// One HTTP exchange with a schema registry: node:http(s) with the configured CA and client
// certificate, basic or bearer authentication, a time-out and a bound on the answer's size.
// Credentials go in headers only, never in a URL or a message.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

import type { SchemaRegistryConnection } from "@/lib/schemas/schema-registry-config";

import { problemFromAnswer, problemFromFailure, type RegistryResult } from "./problems";

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Schemas are text of a few KiB; a list of 10,000 subjects a few hundred. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
const CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

export interface RegistryTransport {
  readonly base: URL;
  send<T>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    options?: { body?: unknown; query?: Record<string, string | boolean | undefined>; what?: string },
  ): Promise<RegistryResult<T>>;
  close(): void;
}

function authorization(auth: SchemaRegistryConnection["auth"]): string | undefined {
  if (!auth) return undefined;
  if (auth.kind === "bearer") return `Bearer ${auth.token}`;
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
}

function readBody(response: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        response.destroy(new Error(`The registry's answer exceeds ${limit / 1024 / 1024} MiB`));
        return;
      }
      chunks.push(chunk);
    });
    response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    response.on("error", reject);
  });
}

function parse(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createTransport(
  connection: SchemaRegistryConnection,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): RegistryTransport {
  const base = new URL(connection.url.endsWith("/") ? connection.url : `${connection.url}/`);
  const secure = base.protocol === "https:";
  const agent = secure
    ? new HttpsAgent({
        keepAlive: true,
        maxSockets: 8,
        ca: connection.tls?.ca,
        cert: connection.tls?.cert,
        key: connection.tls?.key,
      })
    : new HttpAgent({ keepAlive: true, maxSockets: 8 });
  const auth = authorization(connection.auth);

  return {
    base,
    close: () => agent.destroy(),
    send: (method, path, options = {}) =>
      new Promise((resolve) => {
        const url = new URL(path.replace(/^\/+/, ""), base);
        for (const [name, value] of Object.entries(options.query ?? {})) {
          if (value !== undefined) url.searchParams.set(name, String(value));
        }
        const body = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
        const headers: Record<string, string> = { accept: `${CONTENT_TYPE}, application/json` };
        if (auth) headers.authorization = auth;
        if (body) {
          headers["content-type"] = CONTENT_TYPE;
          headers["content-length"] = String(body.length);
        }
        let timedOut = false;
        let settled = false;
        const finish = (result: RegistryResult<never> | { ok: true; data: unknown }) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(result as never);
        };
        const request = (secure ? httpsRequest : httpRequest)(url, { method, headers, agent }, (response) => {
          readBody(response, MAX_ANSWER_BYTES).then(
            (text) => {
              const status = response.statusCode ?? 0;
              const parsed = parse(text);
              if (status >= 200 && status < 300) finish({ ok: true, data: parsed });
              else finish({ ok: false, problem: problemFromAnswer(status, parsed, options.what) });
            },
            (error: unknown) =>
              finish({ ok: false, problem: problemFromFailure(error, url, timedOut, timeoutMs) }),
          );
        });
        // The whole exchange, not only the connection: a registry that accepts and never answers counts.
        const timer = setTimeout(() => {
          timedOut = true;
          request.destroy(new Error("timed out"));
        }, timeoutMs);
        request.on("error", (error) =>
          finish({ ok: false, problem: problemFromFailure(error, url, timedOut, timeoutMs) }),
        );
        request.end(body);
      }),
  };
}
