// The topic list (issue 14) on a real broker with 10,000 topics: the server's work for page 1 with
// sizes (DescribeLogDirs), retention and cleanup policy (DescribeConfigs of the page) and health,
// sorted by name, size (log dirs of every topic), messages (watermarks of every partition) and
// partitions. Timed through the console's own listTopics and pool (warm client), median after a
// warm-up, with the Kafka requests each call sent, beside the goal.
import { cpus, loadavg } from "node:os";

import { writeConsoleConfig } from "../scripts/cluster/console-config";
import { brokerLayout } from "../scripts/cluster/layout";
import { defaultTimeouts } from "../lib/server/kafka/client-options";
import { createClusterPool } from "../lib/server/kafka/cluster-pool";
import { startTestBroker } from "../test/support/broker";
import { attempt, printTable, type FigureRow } from "./support/figures-table";
import { describeRequests, traceKafkaRequests, type RequestFigures } from "./support/kafka-requests";
import { median } from "./support/stats";

const TOPICS = Number(process.env.BENCH_TOPICS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = 500;
/** Topics that get records (topic i gets i + 1), so sizes and counts differ. */
const FILLED = 200;
const CLUSTER = "bench";
const GOAL_MS = 1_000;

export async function benchTopicList(): Promise<void> {
  const rows: FigureRow[] = [];
  const broker = await startTestBroker({ heap: "1g" });
  const setup = createClusterPool(
    [{ name: CLUSTER, bootstrapBrokers: [broker.sslBootstrap], tls: { ca: broker.ca, ...broker.console } }],
    { deadlineMs: 120_000, timeouts: { ...defaultTimeouts, connectMs: 5_000, requestMs: 60_000 } },
  );
  let close = async () => {};
  try {
    const began = performance.now();
    for (let first = 0; first < TOPICS; first += BATCH) {
      const names = Array.from({ length: Math.min(BATCH, TOPICS - first) }, (_, i) => topicOf(first + i));
      const created = await setup.withAdmin(CLUSTER, (admin) =>
        admin.createTopics({ topics: names, partitions: 1, replicas: 1 }),
      );
      if (!created.ok) throw new Error(`creating topics failed: ${created.problem.title}`);
    }
    for (let seen = 0; seen < TOPICS;) {
      const status = await setup.status(CLUSTER);
      seen = status.ok ? status.overview.topicCount : 0;
      if (seen < TOPICS) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const produced = await setup.withProducer(CLUSTER, (producer) =>
      producer.send({
        messages: Array.from({ length: FILLED }, (_, index) =>
          Array.from({ length: index + 1 }, () => ({ topic: topicOf(index), value: Buffer.alloc(100, 120) })),
        ).flat(),
      }),
    );
    if (!produced.ok) throw new Error(`producing failed: ${produced.problem.title}`);
    console.log(
      `created ${TOPICS} topics (1 partition each), ${FILLED} with records, in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
    await setup.close();

    process.env.CONSOLE_CONFIG = writeConsoleConfig(brokerLayout(broker.dir), broker.ports, CLUSTER);
    const [{ listTopics }, { closeCurrentPool }] = await Promise.all([
      import("@/lib/server/kafka/topics"),
      import("@/lib/server/kafka/global-pool"),
    ]);
    close = closeCurrentPool;
    const list = (query: Parameters<typeof listTopics>[1]) => async () => {
      const result = await listTopics(CLUSTER, query);
      if (!result.ok) throw new Error(`listTopics failed: ${result.problem.title}`);
      const { topics, total } = result.data;
      const first = topics[0];
      return `${total} topics, ${topics.length} shown, first ${first?.name} (${first?.sizeBytes} bytes, ${first?.messages} messages, ${first?.cleanupPolicy}, retention ${first?.retentionMs} ms)`;
    };
    for (const sort of ["name", "size", "messages", "partitions"] as const) {
      await attempt(rows, `list page 1 (50) by ${sort}, with sizes`, `< ${GOAL_MS} ms`, () =>
        measure(`by-${sort}`, list({ sort })),
      );
    }
    await attempt(rows, `list page 1 by size, search "topic-01"`, `< ${GOAL_MS} ms`, () =>
      measure("by-size-search", list({ sort: "size", q: "topic-01" })),
    );
  } finally {
    await close();
    await setup.close().catch(() => {});
    await broker.dispose();
    printTable(
      `topic list: ${TOPICS} topics, single-broker Kafka (test harness, 1 GB heap), median of ${RUNS} runs after a warm-up, warm pool; ${machine()}; goal from issue 14`,
      rows,
    );
  }
}

const topicOf = (index: number) => `bench-topic-${String(index).padStart(5, "0")}`;

async function measure(
  name: string,
  run: () => Promise<string>,
): Promise<Pick<FigureRow, "measured" | "met">> {
  await run();
  const times: number[] = [];
  let requests: RequestFigures[] = [];
  let check = "";
  for (let i = 0; i < RUNS; i++) {
    const trace = traceKafkaRequests();
    const start = performance.now();
    check = await run();
    times.push(performance.now() - start);
    requests = trace.stop();
  }
  console.log(`${name}: ${check}`);
  console.log(`  runs ${times.map((ms) => ms.toFixed(0)).join(", ")} ms`);
  console.log(`  requests of the last run: ${describeRequests(requests)}`);
  const at = median(times);
  return { measured: `${at.toFixed(0)} ms`, met: at < GOAL_MS };
}

function machine(): string {
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(" ");
  return `${cpus().length} cores, load ${load}, shared`;
}
