// Figures taken through HTTP: resident memory while a slow client reads a search, and live-tail latency.
import type { Producer } from "@platformatic/kafka";

import type { WireRecord } from "@/lib/messages/events";

import type { MemorySummary } from "./rss-sampler";
import type { SearchServer } from "./search-server-client";
import { openStream } from "./stream-client";

/** A slow browser: 64 KiB every 50 ms (about 1.3 MB/s). */
const SLOW = { bytesPerTick: 64 * 1024, tickMs: 50 };

export interface SlowStreamFigure {
  memory: MemorySummary;
  records: number;
  scanned: number;
  seconds: number;
  /** Records the engine had handed to the encoder, and the client had read, ~10 s in: the lead. */
  engineLead: { engine: number; client: number } | null;
}

/** Streams a search to the slow client (slow for slowForMs, then fast) while sampling RSS. */
export async function slowStream(
  server: SearchServer,
  topic: string,
  params: Record<string, string>,
  slowForMs = Infinity,
): Promise<SlowStreamFigure> {
  await server.startMemory();
  const began = performance.now();
  let records = 0;
  let scanned = 0;
  let engineLead: SlowStreamFigure["engineLead"] = null;
  let failure: string | null = null;
  // How far the engine ran ahead of a slow client, ~10 s in (or just before it turns fast).
  const leadCheck =
    slowForMs > 1_000
      ? setTimeout(
          () =>
            void server
              .stats()
              .then(({ engineRecords }) => (engineLead = { engine: engineRecords, client: records })),
          Math.min(slowForMs, 10_000) - 100,
        )
      : undefined;
  const client = openStream(server.url(topic, params), {
    ...SLOW,
    slowForMs,
    onEvent: (event) => {
      if (event.type === "records") records += event.records.length;
      if (event.type === "done") scanned = event.counters.scanned;
      if (event.type === "error") failure = event.problem.title;
    },
  });
  try {
    await client.finished;
  } finally {
    clearTimeout(leadCheck);
  }
  const seconds = (performance.now() - began) / 1000;
  const memory = await server.stopMemory();
  if (failure) throw new Error(`search failed: ${failure}`);
  return { memory, records, scanned, seconds, engineLead };
}

export interface TailFigure {
  latenciesMs: number[];
  sent: number;
  /** Milliseconds from the client closing the connection to the engine's search ending; null: not seen. */
  stopMs: number | null;
}

const SENT_AT = "bench_sent_at";

/** Opens a live tail through HTTP, produces one message every ~50 ms, and times each to the client. */
export async function tailLatency(
  server: SearchServer,
  producer: Producer,
  topic: string,
  partitions: number,
  count = 50,
): Promise<TailFigure> {
  const now = () => performance.timeOrigin + performance.now();
  // Warm the producer's connection and metadata before the tail starts: not part of the latency.
  await producer.send({ messages: [{ topic, partition: 0, value: Buffer.from("{}") }] });
  const latenciesMs: number[] = [];
  let planned: () => void = () => {};
  const plan = new Promise<void>((resolve) => (planned = resolve));
  let allArrived: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (allArrived = resolve));
  const client = openStream(server.url(topic, { start: "tail", max: "1000" }), {
    onEvent: (event, at) => {
      if (event.type === "plan") planned();
      if (event.type !== "records") return;
      for (const record of event.records) {
        const sentAt = sentAtOf(record);
        if (sentAt !== null) latenciesMs.push(performance.timeOrigin + at - sentAt);
      }
      if (latenciesMs.length >= count) allArrived();
    },
  });
  const failed = client.finished.then(() => Promise.reject(new Error("the tail ended by itself")));
  failed.catch(() => {});
  try {
    await within(Promise.race([plan, failed]), 10_000, "no plan event within 10 s");
    for (let sequence = 0; sequence < count; sequence++) {
      const value = Buffer.from(JSON.stringify({ device_id: "tail-bench", seq: sequence }));
      const headers = new Map([[Buffer.from(SENT_AT), Buffer.from(String(now()))]]);
      await producer.send({ messages: [{ topic, partition: sequence % partitions, value, headers }] });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await within(arrived, 10_000).catch(() => {}); // the figure then says how many arrived
  } catch (error) {
    client.close();
    throw error;
  }
  client.close();
  return { latenciesMs, sent: count, stopMs: await stopMsOf(server) };
}

/** The server measures it; give it up to 3 s to see the close and finish. */
async function stopMsOf(server: SearchServer): Promise<number | null> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const { stopMs } = await server.stats();
    if (stopMs !== null) return stopMs;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

function sentAtOf(record: WireRecord): number | null {
  const header = record.headers.find((candidate) => candidate.name === SENT_AT);
  const text = header?.value?.text;
  return text === undefined ? null : Number(text);
}

/** The promise, or a rejection after `ms`. */
async function within<T>(promise: Promise<T>, ms: number, message = `nothing within ${ms} ms`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
