// The consumer groups list and a group's page (issue 13) on a real broker with 10,000 groups: the
// server's work for the list's first page sorted by name, with a search, and sorted by lag (which reads
// every group's lag), and describe + lag of one group committed over 1,000 partitions. Each is timed
// through the console's own functions and pool (warm client), medians after a warm-up, beside its goal,
// with the Kafka requests each call sent and the memory it took. BENCH_CPU_PROFILE=<dir> writes a CPU
// profile of each figure's runs there.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";

import { writeConsoleConfig } from "../scripts/cluster/console-config";
import { brokerLayout } from "../scripts/cluster/layout";
import { startTestBroker } from "../test/support/broker";
import { attempt, printTable, type FigureRow } from "./support/figures-table";
import { createGroupFixture, groupIdOf } from "./support/group-fixtures";
import { describeRequests, traceKafkaRequests, type RequestFigures } from "./support/kafka-requests";
import { median } from "./support/stats";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CLUSTER = "bench";
const LIST_GOAL_MS = 2_000;
const DESCRIBE_GOAL_MS = 500;
/** Matches 100 of groupIdOf's ids (bench-group-01200 … 01299). */
const SEARCH = "group-012";

interface Outcome {
  /** What the result says, checked so a fast wrong answer is not a figure. */
  check: string;
}

export async function benchGroups(): Promise<void> {
  const rows: FigureRow[] = [];
  const broker = await startTestBroker({ heap: "1g" });
  let close = async () => {};
  try {
    const began = performance.now();
    const fixture = await createGroupFixture(broker, GROUPS);
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    console.log(
      `created ${GROUPS} groups (2 topics × 12 partitions each, over ${fixture.topics.length} topics) and one over ${fixture.widePartitions} partitions by committing offsets in ${seconds} s`,
    );
    process.env.CONSOLE_CONFIG = writeConsoleConfig(brokerLayout(broker.dir), broker.ports, CLUSTER);
    // Not lib/server/kafka's index: that one also loads the auth module (and next/navigation).
    const [{ describeGroup, listGroups }, { closeCurrentPool }] = await Promise.all([
      import("@/lib/server/kafka/groups"),
      import("@/lib/server/kafka/global-pool"),
    ]);
    close = closeCurrentPool;
    const total = GROUPS + 1;
    const list = (query: Parameters<typeof listGroups>[1]) => async (): Promise<Outcome> => {
      const result = await listGroups(CLUSTER, query);
      if (!result.ok) throw new Error(`listGroups failed: ${result.problem.title}`);
      const { groups, total: found } = result.data;
      const lagged = groups.filter((group) => group.totalLag !== null).length;
      return {
        check: `${found} matching, ${groups.length} shown, ${lagged} with lag, first ${groups[0]?.id}`,
      };
    };
    const listGoal = `< ${LIST_GOAL_MS} ms`;
    await attempt(rows, `list page 1 by name, ${total} groups`, listGoal, () =>
      measure("list-by-name", list({ sort: "name" }), LIST_GOAL_MS),
    );
    await attempt(rows, `list page 1 by name, search "${SEARCH}"`, listGoal, () =>
      measure("list-search", list({ sort: "name", q: SEARCH }), LIST_GOAL_MS),
    );
    await attempt(rows, `list page 1 by lag, ${total} groups`, listGoal, () =>
      measure("list-by-lag", list({ sort: "lag" }), LIST_GOAL_MS),
    );
    await attempt(rows, `list page 1 by members, ${total} groups`, listGoal, () =>
      measure("list-by-members", list({ sort: "members" }), LIST_GOAL_MS),
    );
    await attempt(rows, `list page 1 by lag, search "${SEARCH}"`, listGoal, () =>
      measure("list-by-lag-search", list({ sort: "lag", q: SEARCH }), LIST_GOAL_MS),
    );
    await attempt(
      rows,
      `describe + lag, ${fixture.widePartitions} partitions`,
      `< ${DESCRIBE_GOAL_MS} ms`,
      () =>
        measure(
          "describe-wide",
          async () => {
            const result = await describeGroup(CLUSTER, fixture.wideGroup);
            if (!result.ok || !result.data) throw new Error("describeGroup found no group");
            const { partitions, totalLag } = result.data;
            return { check: `${partitions.length} partitions, total lag ${totalLag}` };
          },
          DESCRIBE_GOAL_MS,
        ),
    );
    await attempt(rows, "describe + lag, 24 partitions", `< ${DESCRIBE_GOAL_MS} ms`, () =>
      measure(
        "describe-small",
        async () => {
          const result = await describeGroup(CLUSTER, groupIdOf(42));
          if (!result.ok || !result.data) throw new Error("describeGroup found no group");
          return { check: `${result.data.partitions.length} partitions, total lag ${result.data.totalLag}` };
        },
        DESCRIBE_GOAL_MS,
      ),
    );
  } finally {
    await close();
    await broker.dispose();
    printTable(
      `consumer groups: ${GROUPS} groups + 1 wide, single-broker Kafka (test harness, 1 GB heap), median of ${RUNS} runs after a warm-up, warm pool; ${machine()}; goals from issue 13`,
      rows,
    );
  }
}

/** One warm-up, then RUNS timed runs; memory is the growth over the runs (RSS and V8 heap, sampled every 10 ms). */
async function measure(
  name: string,
  run: () => Promise<Outcome>,
  goalMs: number,
): Promise<Pick<FigureRow, "measured" | "met">> {
  await run();
  const profile = await startProfile();
  const times: number[] = [];
  let requests: RequestFigures[] = [];
  let outcome: Outcome | undefined;
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heap: before.heapUsed };
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heap = Math.max(peak.heap, usage.heapUsed);
  }, 10);
  try {
    for (let i = 0; i < RUNS; i++) {
      const trace = traceKafkaRequests();
      const start = performance.now();
      outcome = await run();
      times.push(performance.now() - start);
      requests = trace.stop();
    }
  } finally {
    clearInterval(sampler);
    await profile?.stop(name);
  }
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
  const memory = `RSS +${mb(peak.rss - before.rss)}, heap peak +${mb(peak.heap - before.heapUsed)}`;
  console.log(`${name}: ${outcome?.check}`);
  console.log(`  runs ${times.map((ms) => ms.toFixed(0)).join(", ")} ms; ${memory}`);
  console.log(`  requests of the last run: ${describeRequests(requests)}`);
  const at = median(times);
  return { measured: `${at.toFixed(0)} ms (${memory})`, met: at < goalMs };
}

/** A CPU profile of the timed runs when BENCH_CPU_PROFILE names a directory. */
async function startProfile() {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return {
    async stop(name: string) {
      const { profile } = await session.post("Profiler.stop");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

function machine(): string {
  const cores = cpus();
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(" ");
  return `${cores.length} cores (${cores[0]?.model.trim() ?? "unknown"}), load ${load}, shared`;
}
