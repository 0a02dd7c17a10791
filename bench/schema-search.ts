// Scanning Avro records decoded with their registry schema against the same records as JSON, in
// one run: a throwaway broker and registry, two topics of BENCH_SCHEMA_MESSAGES records (1,000,000
// by default) holding the same values, a full scan of each with a JSON-path filter that matches
// 0.1%, through the search engine (startSearch, as the route runs it, without HTTP). The goal
// (issue 19): the Avro scan at ≥ 60% of the JSON scan's rate.
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { startSearch } from "@/lib/server/kafka/messages/search";
import { messageQuerySchema } from "@/lib/schemas/messages";
import { SchemaRegistryClient } from "@/lib/server/schema-registry/client";
import { compileCodec, encodeWithSchema } from "@/lib/server/schema-registry/codecs";
import { SearchSchemas } from "@/lib/server/schema-registry/search-schemas";

import { mtls, withConsoleAdmin } from "../test/support/acl-clients";
import { startTestBroker } from "../test/support/broker";
import { closeTestProducer, produce, testProducerFor } from "../test/support/message-search";
import { startTestRegistry } from "../test/support/schema-registry";
import { printTable, type FigureRow } from "./support/figures-table";
import { fmt, median } from "./support/stats";

const MESSAGES = Number(process.env.BENCH_SCHEMA_MESSAGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PARTITIONS = 3;
const NEEDLE = "needle-0001";
const GOAL = 0.6;

const READING = {
  type: "record",
  name: "Reading",
  namespace: "bench",
  fields: [
    { name: "device_id", type: "string" },
    { name: "site", type: "string" },
    { name: "temp", type: "double" },
    { name: "humidity", type: "double" },
    { name: "ts", type: "long" },
    { name: "seq", type: "int" },
    { name: "status", type: { type: "enum", name: "Status", symbols: ["OK", "WARN", "FAIL"] } },
    { name: "note", type: ["null", "string"], default: null },
    { name: "tags", type: { type: "array", items: "string" } },
  ],
};

function reading(index: number) {
  return {
    device_id: index % 1_000 === 0 ? NEEDLE : `device-${(index * 7919) % 100_000}`,
    site: `site-${index % 40}`,
    temp: 15 + (index % 250) / 10,
    humidity: 30 + (index % 600) / 10,
    ts: 1_764_800_000_000 + index * 10,
    seq: index,
    status: (["OK", "WARN", "FAIL"] as const)[index % 3],
    note: index % 5 === 0 ? `checked by run ${index % 17}` : null,
    tags: index % 2 === 0 ? ["eu", "prod"] : ["eu"],
  };
}

export async function benchSchemaSearch(): Promise<void> {
  const began = performance.now();
  const [broker, registry] = await Promise.all([startTestBroker({ heap: "1g" }), startTestRegistry()]);
  const local = mtls(broker, "local", broker.console);
  const pool = testProducerFor(createClusterPool([local]), local);
  const client = new SchemaRegistryClient({ url: registry.url });
  const rows: FigureRow[] = [];
  try {
    await withConsoleAdmin(pool, (admin) =>
      admin.createTopics({ topics: ["readings-json", "readings-avro"], partitions: PARTITIONS, replicas: 1 }),
    );
    const registered = await client.register("readings-avro-value", { schema: JSON.stringify(READING) });
    if (!registered.ok) throw new Error(registered.problem.title);
    const id = registered.data.id;
    const codec = compileCodec({ schemaType: "AVRO", schema: JSON.stringify(READING), references: [] });
    const sizes = await fill(pool, MESSAGES, (value) => {
      const encoded = encodeWithSchema(id, codec, value);
      if (!encoded.ok) throw new Error(encoded.message);
      return encoded.bytes;
    });
    console.log(
      `filled ${fmt(MESSAGES)} records per topic in ${((performance.now() - began) / 1000).toFixed(0)} s: ` +
        `JSON ${sizes.json.toFixed(0)} B, Avro ${sizes.avro.toFixed(0)} B per value on average`,
    );

    const rates = { json: [] as number[], avro: [] as number[] };
    for (let run = 0; run < RUNS; run++)
      for (const kind of ["json", "avro"] as const) {
        const rate = await scan(pool, `readings-${kind}`, new SearchSchemas(client));
        rates[kind].push(rate);
        console.log(`run ${run + 1}: ${kind} ${fmt(rate)} msg/s`);
      }
    const json = median(rates.json);
    const avro = median(rates.avro);
    rows.push(
      { figure: "JSON records, JSON-path full scan", measured: `${fmt(json)} msg/s`, target: "—", met: null },
      { figure: "Avro records decoded, same scan", measured: `${fmt(avro)} msg/s`, target: "—", met: null },
      {
        figure: "Avro as a share of JSON",
        measured: `${Math.round((avro / json) * 100)}%`,
        target: `≥ ${GOAL * 100}%`,
        met: avro / json >= GOAL,
      },
    );
  } finally {
    printTable(
      `schema search: ${fmt(MESSAGES)} records per topic, ${PARTITIONS} partitions, JSON path matching 0.1%, median of ${RUNS} runs each, interleaved`,
      rows,
    );
    client.close();
    await closeTestProducer(pool);
    await pool.close();
    await Promise.all([broker.dispose(), registry.dispose()]);
  }
}

/** Both topics, in batches; the same values in each. Answers the average value sizes. */
async function fill(pool: ClusterPool, count: number, encodeAvro: (value: unknown) => Buffer) {
  const BATCH = 5_000;
  let jsonBytes = 0;
  let avroBytes = 0;
  for (let start = 0; start < count; start += BATCH) {
    const values = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) =>
      reading(start + offset),
    );
    const json = values.map((value) => Buffer.from(JSON.stringify(value)));
    const avro = values.map(encodeAvro);
    for (const bytes of json) jsonBytes += bytes.length;
    for (const bytes of avro) avroBytes += bytes.length;
    await produce(pool, [
      ...json.map((value, index) => ({
        topic: "readings-json",
        partition: (start + index) % PARTITIONS,
        value,
      })),
      ...avro.map((value, index) => ({
        topic: "readings-avro",
        partition: (start + index) % PARTITIONS,
        value,
      })),
    ]);
  }
  return { json: jsonBytes / count, avro: avroBytes / count };
}

/** A full scan with the filter; checks it saw every record and every needle. */
async function scan(pool: ClusterPool, topic: string, schemas: SearchSchemas): Promise<number> {
  const query = messageQuerySchema.parse({
    start: "oldest",
    max: "100000",
    jsonPath: `$.device_id == "${NEEDLE}"`,
  });
  const began = performance.now();
  const started = await startSearch(() => pool.openFetchConsumer("local"), topic, query, {
    signal: new AbortController().signal,
    previewBytes: 1024 * 1024,
    schemas,
  });
  if (!started.ok) throw new Error(started.problem.title);
  let done: { scanned: number; matched: number } | undefined;
  for await (const event of started.events) if (event.type === "done") done = event.counters;
  const seconds = (performance.now() - began) / 1000;
  const needles = Math.ceil(MESSAGES / 1_000);
  if (done?.scanned !== MESSAGES || done.matched !== needles)
    throw new Error(
      `${topic}: scanned ${done?.scanned} and matched ${done?.matched}, not ${MESSAGES} and ${needles}`,
    );
  return MESSAGES / seconds;
}
