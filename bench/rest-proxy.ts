// The Confluent REST Proxy routes (issue 15) on the console's production build, against kcat on the
// same broker in the same run: v3 produce one record per request (sequential, and 8 in flight, kept
// alive) and as one streamed request, and v2 consumer instances reading everything back (binary and
// json), records of ~1 KiB, an operator token as HTTP Basic. Server CPU and RSS from /proc.
import { join } from "node:path";

import { createClusterPool } from "../lib/server/kafka/cluster-pool";
import { writeConsoleConfig } from "../scripts/cluster/console-config";
import { brokerLayout } from "../scripts/cluster/layout";
import { startTestBroker } from "../test/support/broker";
import {
  countAuditEntries,
  createBenchToken,
  ensureProductionBuild,
  startConsoleProcess,
} from "./support/console-process";
import { kcatConsume, kcatProduce, type KcatTarget } from "./support/kcat-reference";
import { restClient, v2ReadAll, type RestClient } from "./support/rest-client";
import { fmt, median, rate } from "./support/stats";

const SINGLE = Number(process.env.BENCH_SINGLE ?? 2_000);
const STREAMED = Number(process.env.BENCH_STREAMED ?? 50_000);
const IN_FLIGHT = 8;
const PARTITIONS = 3;
const CLUSTER = "bench";
const TOPICS = { single: "rest-single", parallel: "rest-parallel", stream: "rest-stream", kcat: "rest-kcat" };

/** A ~1 KiB JSON value; the same text is kcat's line and the v3 record's JSON data. */
const valueOf = (seq: number) =>
  JSON.stringify({ seq, device_id: `device-${seq % 1_000}`, reading: seq * 0.5, pad: "x".repeat(960) });
const recordOf = (seq: number) => `{"value":{"type":"JSON","data":${valueOf(seq)}}}`;
function* sequence<T>(count: number, make: (seq: number) => T) {
  for (let seq = 0; seq < count; seq++) yield make(seq);
}

interface Row {
  figure: string;
  console: number | null;
  kcat: number | null;
  goal: string;
  /** The goal as a rate, given kcat's. */
  meets: (consoleRate: number, kcatRate: number) => boolean;
  note?: string;
}

export async function benchRestProxy(): Promise<void> {
  const build = ensureProductionBuild();
  const broker = await startTestBroker({ heap: "512m" });
  const layout = brokerLayout(broker.dir);
  const kcat: KcatTarget = {
    bootstrap: broker.sslBootstrap,
    pem: { ca: layout.caBundle, cert: layout.consoleCert, key: layout.consoleKey },
  };
  const rows: Row[] = [];
  const rss = { idle: NaN, peak: NaN };
  try {
    const admin = createClusterPool([
      { name: CLUSTER, bootstrapBrokers: [broker.sslBootstrap], tls: { ca: broker.ca, ...broker.console } },
    ]);
    const created = await admin.withAdmin(CLUSTER, (client) =>
      client.createTopics({ topics: Object.values(TOPICS), partitions: PARTITIONS, replicas: 1 }),
    );
    await admin.close();
    if (!created.ok) throw new Error(`creating topics failed: ${created.problem.title}`);
    const configPath = writeConsoleConfig(layout, broker.ports, CLUSTER);
    const server = await startConsoleProcess(configPath);
    const storePath = join(broker.dir, "console-data", "console.db");
    const authorization = createBenchToken(storePath, "operator");
    const client = restClient(server.baseUrl, authorization);
    try {
      await measureAll(client, server, kcat, storePath, rows, rss);
    } finally {
      client.close();
      await server.close();
    }
  } finally {
    await broker.dispose();
    printRows(rows, rss, build);
  }
}

async function measureAll(
  client: RestClient,
  server: Awaited<ReturnType<typeof startConsoleProcess>>,
  kcat: KcatTarget,
  storePath: string,
  rows: Row[],
  rss: { idle: number; peak: number },
) {
  const records = (topic: string) => `/kafka/v3/clusters/${CLUSTER}/topics/${topic}/records`;
  // Warm-up: the route's modules, the producer's connection, the cluster status.
  for (let seq = 0; seq < 20; seq++) await produceOne(client, records(TOPICS.kcat), seq);
  rss.idle = rss.peak = server.rssMB();
  const sampler = setInterval(() => (rss.peak = Math.max(rss.peak, server.rssMB())), 200);
  /** One figure: its rate, or a row that says why there is none; the other figures are still taken. */
  const figure = async (row: Omit<Row, "console">, count: number, run: () => Promise<number | void>) => {
    const [cpu, began] = [server.cpuSeconds(), performance.now()];
    let peakMB = server.rssMB();
    const figureSampler = setInterval(() => (peakMB = Math.max(peakMB, server.rssMB())), 200);
    try {
      const given = await run();
      const seconds = (performance.now() - began) / 1000;
      const measured = typeof given === "number" ? given : rate(count, seconds);
      const serverCpu = server.cpuSeconds() - cpu;
      console.log(
        `${row.figure}: ${fmt(count)} records, ${fmt(measured)} records/s; console CPU ${serverCpu.toFixed(2)} s (${((1000 * serverCpu) / count).toFixed(2)} ms per record), RSS peak ${peakMB.toFixed(0)} MB`,
      );
      rows.push({ ...row, console: measured });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      console.log(`${row.figure}: not measured: ${reason}`);
      rows.push({ ...row, console: null, note: reason.slice(0, 60) });
    } finally {
      clearInterval(figureSampler);
    }
  };
  try {
    const kcatProduceRate = await kcatProduceReference(kcat);
    const produce = { kcat: kcatProduceRate };
    await figure(
      {
        ...produce,
        figure: "v3 produce, 1 record per request, sequential",
        goal: "≥ 250/s (Confluent's proxy: 226/s unbatched, kafka-rest#199)",
        meets: (value) => value >= 250,
      },
      SINGLE,
      async () => {
        for (let seq = 0; seq < SINGLE; seq++) await produceOne(client, records(TOPICS.single), seq);
      },
    );
    await figure(
      {
        ...produce,
        figure: `v3 produce, 1 record per request, ${IN_FLIGHT} in flight`,
        goal: "≥ 660/s (Confluent's: ≤ 8,000 req/s on 24 cores, kafka-rest#93; × 2 cores)",
        meets: (value) => value >= 660,
      },
      SINGLE * 2,
      async () => {
        let next = 0;
        const worker = async () => {
          while (next < SINGLE * 2) await produceOne(client, records(TOPICS.parallel), next++);
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      },
    );
    await figure(
      {
        ...produce,
        figure: `v3 produce, streamed (${fmt(STREAMED)} in one request)`,
        goal: "≥ 25% of kcat",
        meets: (value, reference) => value >= 0.25 * reference,
      },
      STREAMED,
      async () => {
        const codes = await client.streamRecords(
          records(TOPICS.stream),
          sequence(STREAMED, recordOf),
          64 * 1024,
        );
        const written = codes.filter((code) => code === 200).length;
        const entries = countAuditEntries(storePath, "message.produce", TOPICS.stream);
        console.log(
          `streamed produce: ${fmt(entries)} produce calls (audit entries) for ${fmt(STREAMED)} records`,
        );
        if (written !== STREAMED)
          throw new Error(`${written} of ${STREAMED} written, codes ${[...new Set(codes)].join(",")}`);
      },
    );
    const kcatConsumeRate = await kcatConsumeReference(kcat);
    for (const format of ["binary", "json"] as const) {
      const row = {
        figure: `v2 consume, ${format}, the group join included`,
        kcat: kcatConsumeRate,
        goal: "≥ 10% of kcat (Confluent's: up to 90% below native, kafka-rest#199)",
        meets: (value: number, reference: number) => value >= 0.1 * reference,
      };
      await figure(row, STREAMED, async () => {
        const read = await v2ReadAll(
          client,
          `bench-${format}-${Date.now()}`,
          format,
          TOPICS.stream,
          STREAMED,
        );
        console.log(
          `v2 ${format} consumer: ${fmt(read.records)} records in ${read.requests} GETs, ${read.seconds.toFixed(2)} s from subscribing; first records after ${read.firstRecordsMs.toFixed(0)} ms (the join${joinErrors(read.failures)}), then ${fmt(rate(read.records, read.seconds - read.firstRecordsMs / 1000))} records/s`,
        );
        if (read.records !== STREAMED) throw new Error(`read ${read.records} of ${STREAMED}`);
        return rate(read.records, read.seconds);
      });
    }
  } finally {
    clearInterval(sampler);
  }
}

const joinErrors = (failures: string[]) =>
  failures.length === 0
    ? ""
    : `; ${failures.length} error answers first: ${[...new Set(failures)].join(" | ")}`;

async function produceOne(client: RestClient, path: string, seq: number): Promise<void> {
  const answer = await client.call("POST", path, { value: { type: "JSON", data: JSON.parse(valueOf(seq)) } });
  if (answer.status !== 200)
    throw new Error(`produce answered HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
}

/** kcat -P of STREAMED lines, median of three runs. */
async function kcatProduceReference(kcat: KcatTarget): Promise<number> {
  const runs: number[] = [];
  for (let run = 0; run < 3; run++)
    runs.push((await kcatProduce(kcat, TOPICS.kcat, sequence(STREAMED, valueOf))).seconds);
  console.log(`kcat -P: ${fmt(STREAMED)} records in ${runs.map((s) => s.toFixed(2)).join(", ")} s`);
  return rate(STREAMED, median(runs));
}

/** kcat -C -e of the streamed topic: a counting run, then the median of three. */
async function kcatConsumeReference(kcat: KcatTarget): Promise<number> {
  const check = await kcatConsume(kcat, TOPICS.stream, true);
  if (check.messages !== STREAMED) throw new Error(`kcat read ${check.messages} records, not ${STREAMED}`);
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) runs.push((await kcatConsume(kcat, TOPICS.stream)).seconds);
  console.log(`kcat -C: ${fmt(STREAMED)} records in ${runs.map((s) => s.toFixed(2)).join(", ")} s`);
  return rate(STREAMED, median(runs));
}

function printRows(rows: Row[], rss: { idle: number; peak: number }, build: string): void {
  const header = ["figure", "console", "kcat", "ratio", "goal", ""];
  const cells = rows.map((row) => {
    const measured = row.console !== null && row.kcat !== null;
    const verdict = measured ? (row.meets(row.console!, row.kcat!) ? "pass" : "MISS") : "";
    return [
      row.figure,
      row.console === null ? `not measured${row.note ? ` (${row.note})` : ""}` : `${fmt(row.console)}/s`,
      row.kcat === null ? "–" : `${fmt(row.kcat)}/s`,
      measured ? `${((100 * row.console!) / row.kcat!).toFixed(1)}%` : "–",
      row.goal,
      verdict,
    ];
  });
  const table = [header, ...cells];
  const widths = header.map((_, column) => Math.max(...table.map((cell) => cell[column]!.length)));
  console.log(
    `\nREST Proxy routes: records of ~1 KiB JSON, ${PARTITIONS} partitions, acks=all, single-broker Kafka (test harness), the console's ${build}; goals from Confluent's proxy where known (issue 15)`,
  );
  for (const cell of table)
    console.log(
      `  ${cell
        .map((text, column) => text.padEnd(widths[column]!))
        .join("  ")
        .trimEnd()}`,
    );
  console.log(`  console RSS: ${rss.idle.toFixed(0)} MB after warm-up, peak ${rss.peak.toFixed(0)} MB`);
}
