// GET /api/v1/clusters/{cluster}/topics/{topic}/messages?start=&partition=&offset=&timestamp=&max=&key=&… – search the topic's messages, streamed as Server-Sent Events (or NDJSON with Accept: application/x-ndjson) (viewer)
// POST /api/v1/clusters/{cluster}/topics/{topic}/messages – produce {key?, value, valueFormat?, headers?, partition?, compression?, copies?, keySchema?, valueSchema?} (operator)
import { z } from "zod";

import { parseMessageQuery, produceMessagesSchema } from "@/lib/schemas/messages";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";
import { produceWithSchemas } from "@/lib/server/schema-registry/produce-with-schemas";

import { apiError, failureResponse, validationError } from "@/lib/api-errors";
import { eventStreamResponse } from "../../../../../_lib/event-stream";

export const dynamic = "force-dynamic";

const topicParams = z.object({ cluster: z.string(), topic: z.string() });

export const GET = guardedRoute(
  { permission: "message.view", params: topicParams },
  async (request, { params, principal }) => {
    const { cluster, topic } = params;
    const query = parseMessageQuery(new URL(request.url).searchParams);
    if (!query.success) return validationError(query.error);
    // Stop = the client closing the stream; either way the search stops fetching and closes its consumer.
    const stop = new AbortController();
    const signal = AbortSignal.any([request.signal, stop.signal]);
    const started = await kafka.searchMessages(cluster, topic, query.data, { signal, holder: principal });
    if (!started.ok) return searchRefused(started);
    return eventStreamResponse(request, started.events, { onCancel: () => stop.abort() });
  },
);

/** A 10 MiB value (the schema's limit) with its JSON escaping and the other fields. */
const PRODUCE_BODY_LIMIT = 24 * 1024 * 1024;

// The topic is the path's; a body may leave it out.
export const POST = guardedRoute(
  {
    permission: "message.produce",
    params: topicParams,
    body: { schema: z.unknown(), limit: PRODUCE_BODY_LIMIT },
  },
  async (_request, { params, body, principal }) => {
    const { cluster, topic } = params;
    const fields = typeof body === "object" && body !== null ? body : {};
    const parsed = produceMessagesSchema.safeParse({ ...fields, topic });
    if (!parsed.success) return validationError(parsed.error);
    const result = await produceWithSchemas(cluster, parsed.data, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json(result.data, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
);

const FALLBACK_CODES = {
  400: "BAD_REQUEST",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  429: "TOO_MANY_SEARCHES",
  502: "BAD_GATEWAY",
  504: "GATEWAY_TIMEOUT",
};

/**
 * `{ error: { code, message, syntax? } }`; the Kafka code (TOPIC_AUTHORIZATION_FAILED, …) as the code.
 * A 429 also says how many searches run and the limit, and when to retry.
 */
function searchRefused(refusal: Extract<kafka.SearchStart, { ok: false }>): Response {
  const { status, problem } = refusal;
  const syntax = "syntax" in refusal ? refusal.syntax : undefined;
  const code = syntax ? "FILTER_SYNTAX" : (problem.code ?? FALLBACK_CODES[status]);
  const message = [problem.title, problem.hint].filter(Boolean).join(". ");
  if (refusal.status === 429) {
    const details = { running: refusal.running, limit: refusal.limit };
    return apiError(status, code, message, {
      details,
      headers: { "Retry-After": String(refusal.retryAfter) },
    });
  }
  return apiError(status, code, message, syntax ? { details: { syntax } } : {});
}
