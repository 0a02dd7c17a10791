// The overview (getClusterStatus: metadata of every topic + API versions) on a broker with many
// topics, the way the console's pool serves it: one warm client, repeated calls.
import { defaultTimeouts } from "../lib/server/kafka/client-options";
import { createClusterPool } from "../lib/server/kafka/cluster-pool";
import { startTestBroker } from "../test/support/broker";

const TOPICS = Number(process.env.BENCH_TOPICS ?? 10_000);
const BATCH = 500;
const RUNS = 20;

export async function benchStatusManyTopics(): Promise<void> {
  const broker = await startTestBroker({ heap: "1g" });
  const pool = createClusterPool(
    [{ name: "bench", bootstrapBrokers: [broker.sslBootstrap], tls: { ca: broker.ca, ...broker.console } }],
    { deadlineMs: 120_000, timeouts: { ...defaultTimeouts, connectMs: 5_000, requestMs: 60_000 } },
  );
  try {
    const began = performance.now();
    for (let first = 0; first < TOPICS; first += BATCH) {
      const names = Array.from({ length: Math.min(BATCH, TOPICS - first) }, (_, i) => `bench-${first + i}`);
      const created = await pool.withAdmin("bench", (admin) =>
        admin.createTopics({ topics: names, partitions: 1, replicas: 1 }),
      );
      if (!created.ok) throw new Error(`creating topics failed: ${created.problem.title}`);
    }
    // The controller answers before the broker has published every new partition: wait for them.
    for (let seen = 0; seen < TOPICS;) {
      const status = await pool.status("bench");
      seen = status.ok ? status.overview.topicCount : 0;
      if (seen < TOPICS) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    console.log(
      `created ${TOPICS} topics, all visible after ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );

    const samples: number[] = [];
    let topicCount = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const status = await pool.status("bench");
      samples.push(performance.now() - start);
      if (!status.ok) throw new Error(`status failed: ${status.problem.title}`);
      topicCount = status.overview.topicCount;
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) =>
      samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(0);
    console.log(
      `status with ${topicCount} topics: median ${at(0.5)} ms, p95 ${at(0.95)} ms, min ${samples[0]!.toFixed(0)} ms (n=${RUNS}, warm client)`,
    );
    const rss = process.memoryUsage().rss / 1024 / 1024;
    console.log(`console process resident memory after the runs: ${rss.toFixed(0)} MiB`);
  } finally {
    await pool.close();
    await broker.dispose();
  }
}
