// POST /kafka/v3/clusters/{cluster_id}/topics/{topic_name}/records – Confluent v3 produce: one record, or concatenated JSON records (streamed with Transfer-Encoding: chunked) answered by one delivery report per record (operator)
import { z } from "zod";

import { readAhead } from "@/lib/confluent/read-ahead";
import {
  ConcatenatedJsonSplitter,
  deliveryReport,
  parseRecord,
  type ParsedRecord,
  type RecordRefusal,
  type SplitPart,
  splitConcatenatedJson,
  type V3Record,
} from "@/lib/confluent/records-v3";
import { topicNameSchema } from "@/lib/schemas/topics";
import type { Principal } from "@/lib/server/auth";
import {
  answeredContentType,
  CONFLUENT_CODES,
  confluentCodeOf,
  confluentError,
  confluentJson,
  confluentRoute,
  resolveClusterRecently,
  withFields,
} from "@/lib/server/confluent";
import { readLimitedBytes } from "@/lib/server/http/request-body";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

/** A body with a Content-Length: read whole, up to 24 MiB (one 10 MiB value with its JSON escaping). */
const BODY_LIMIT = 24 * 1024 * 1024;
/** Records per produce call (and per audit entry) of a multi-record body, and at most read ahead of one streamed. */
const RECORDS_PER_BATCH = 500;

type Failure = Extract<kafka.V3RecordOutcome, { ok: false }>;
type Report = ReturnType<typeof deliveryReport> | RecordRefusal;

export const POST = confluentRoute(
  {
    permission: "message.produce",
    params: z.object({ cluster: z.string(), topic: topicNameSchema }),
  },
  async (request, { params, principal }) => {
    const cluster = await resolveClusterRecently(params.cluster);
    if (cluster instanceof Response) return cluster;
    const target = { cluster: cluster.name, clusterId: cluster.clusterId, topic: params.topic, principal };
    // Confluent's streaming mode: no length, records keep coming; each is answered as it is written.
    if (request.headers.get("content-length") === null && request.body)
      return reportStream(request, target, readAhead(streamedParts(request.body), RECORDS_PER_BATCH));
    const bytes = await readLimitedBytes(request, BODY_LIMIT);
    if (bytes === null)
      return confluentError(
        413,
        CONFLUENT_CODES.payloadTooLarge,
        `The request body is larger than ${BODY_LIMIT / 1024 / 1024} MiB; stream the records (Transfer-Encoding: chunked) instead.`,
      );
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return confluentError(400, CONFLUENT_CODES.badRequest, "The request body is not UTF-8 text.");
    }
    const parts = splitConcatenatedJson(text);
    if (parts.length === 0)
      return confluentError(400, CONFLUENT_CODES.badRequest, "The request body holds no record.");
    if (parts.length > 1) return reportStream(request, target, batchesOf(parts));
    // One record: its report, or its error as the HTTP answer, as Confluent answers a single produce.
    const parsed = recordOfPart(parts[0]!);
    if (!parsed.ok) return refusalResponse(parsed.refusal);
    const result = await kafka.produceV3Records(target.cluster, target.topic, [parsed.record], principal);
    const outcome = result.ok ? result.outcomes[0]! : result;
    if (!outcome.ok) return refusalResponse(refusalOf(outcome));
    return confluentJson(
      request,
      deliveryReport(target.clusterId, target.topic, parsed.record, outcome.written),
    );
  },
);

interface Target {
  cluster: string;
  clusterId: string;
  topic: string;
  principal: Principal;
}

function recordOfPart(part: SplitPart): ParsedRecord {
  if (!part.ok)
    return { ok: false, refusal: { error_code: CONFLUENT_CODES.badRequest, message: part.message } };
  return parseRecord(part.value);
}

/** A produce failure in Confluent's codes: 40401 unknown topic, 40402 a partition past the count, 40301, … */
function refusalOf(failure: Failure): RecordRefusal {
  if (failure.fieldErrors?.partition)
    return {
      error_code: CONFLUENT_CODES.partitionNotFound,
      message: withFields(failure.error, failure.fieldErrors),
    };
  const { errorCode } = confluentCodeOf(failure.status, failure.code);
  return { error_code: errorCode, message: withFields(failure.error, failure.fieldErrors) };
}

/** The HTTP status of an error_code: 40401 → 404, 400 → 400. */
function refusalResponse(refusal: RecordRefusal): Response {
  const status = refusal.error_code >= 1000 ? Math.floor(refusal.error_code / 100) : refusal.error_code;
  return confluentError(status, refusal.error_code, refusal.message);
}

async function* batchesOf(parts: SplitPart[]): AsyncGenerator<SplitPart[]> {
  for (let start = 0; start < parts.length; start += RECORDS_PER_BATCH)
    yield parts.slice(start, start + RECORDS_PER_BATCH);
}

/** The records of a streamed body as they complete, chunk by chunk. */
async function* streamedParts(body: ReadableStream<Uint8Array>): AsyncGenerator<SplitPart[]> {
  const splitter = new ConcatenatedJsonSplitter();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let text: string;
      try {
        text = decoder.decode(value, { stream: true });
      } catch {
        yield [{ ok: false, at: 0, message: "The request body is not UTF-8 text." }];
        return;
      }
      const parts = splitter.feed(text);
      if (parts.length > 0) yield parts;
      if (parts.some((part) => !part.ok)) return;
    }
    const rest = splitter.end();
    if (rest.length > 0) yield rest;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * 200 with one delivery report per record, in order, each on its own line (concatenated JSON, as
 * Confluent streams them): `error_code` 200 with where it landed, or the record's own error.
 */
function reportStream(request: Request, target: Target, batches: AsyncGenerator<SplitPart[]>): Response {
  const encoder = new TextEncoder();
  async function* lines(): AsyncGenerator<Uint8Array> {
    for await (const parts of batches) {
      const entries = parts.map(recordOfPart);
      const records = entries.flatMap((entry) => (entry.ok ? [entry.record] : []));
      const outcomes = records.length > 0 ? await produce(target, records) : [];
      let next = 0;
      for (const entry of entries) {
        const report: Report = entry.ok ? reportOf(target, entry.record, outcomes[next++]!) : entry.refusal;
        yield encoder.encode(`${JSON.stringify(report)}\n`);
      }
    }
  }
  const iterator = lines();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        console.error(`Confluent v3 produce to ${target.topic} failed:`, error);
        controller.enqueue(
          encoder.encode(
            `${JSON.stringify({ error_code: CONFLUENT_CODES.internal, message: "The produce stopped on a server error; the details are in the server's log." })}\n`,
          ),
        );
        controller.close();
      }
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "Cache-Control": "no-store", "Content-Type": answeredContentType(request) },
  });
}

async function produce(target: Target, records: V3Record[]): Promise<kafka.V3RecordOutcome[]> {
  const result = await kafka.produceV3Records(target.cluster, target.topic, records, target.principal);
  return result.ok ? result.outcomes : records.map(() => result);
}

function reportOf(target: Target, record: V3Record, outcome: kafka.V3RecordOutcome): Report {
  return outcome.ok
    ? deliveryReport(target.clusterId, target.topic, record, outcome.written)
    : refusalOf(outcome);
}
