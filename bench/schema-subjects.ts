// The Subjects page and GET …/schema-registry/subjects at 10,000 subjects (issue 19: "10,000
// subjects stay fast"): a throwaway Apicurio registry (started with registry.ccompat.max-subjects
// raised, so GET /subjects answers every name) gets BENCH_SUBJECTS subjects, then the console's own
// listSubjectPage, which both the page and the route call, is timed for the first page, a search and
// the last page (median after a warm-up, warm client), beside the goal. The paging and search over
// the names (pageOfSubjects, no registry) is timed on its own too.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { SubjectListQuery } from "@/lib/schemas/schema-registry";
import { SchemaRegistryClient } from "@/lib/server/schema-registry/client";

import { startTestRegistry } from "../test/support/schema-registry";
import { attempt, printTable, type FigureRow } from "./support/figures-table";
import { median } from "./support/stats";

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Registrations in flight at once while filling the registry. */
const PARALLEL = 16;
const CLUSTER = "bench";
const GOAL_MS = 300;
const PAGE_SIZE = 50;
const SCHEMA = JSON.stringify({
  type: "record",
  name: "Reading",
  namespace: "bench",
  fields: [{ name: "id", type: "string" }],
});

const subjectOf = (index: number) => `bench-subject-${String(index).padStart(5, "0")}-value`;

export async function benchSchemaSubjects(): Promise<void> {
  const rows: FigureRow[] = [];
  const registry = await startTestRegistry();
  const filler = new SchemaRegistryClient({ url: registry.url });
  const dir = mkdtempSync(join(tmpdir(), "bench-schema-subjects-"));
  try {
    const began = performance.now();
    await fill(filler);
    console.log(`registered ${SUBJECTS} subjects in ${((performance.now() - began) / 1000).toFixed(1)} s`);

    // The console reads its configuration on first use: a cluster whose registry is the throwaway one.
    process.env.CONSOLE_CONFIG = consoleConfig(dir, registry.url);
    const { listSubjectPage, pageOfSubjects } = await import("@/lib/server/schema-registry/subjects");
    const lastPage = Math.ceil(SUBJECTS / PAGE_SIZE);
    const list = (query: SubjectListQuery) => async () => {
      const result = await listSubjectPage(CLUSTER, query);
      if (!result.ok)
        throw new Error("notConfigured" in result ? "no registry configured" : result.problem.title);
      const { subjects, total, page } = result.data;
      if (!query.q && total !== SUBJECTS)
        throw new Error(`the registry listed ${total} of ${SUBJECTS} subjects (is max-subjects raised?)`);
      return `${total} subjects, page ${page}: ${subjects.length} shown, first ${subjects[0]}`;
    };
    const cases: [string, SubjectListQuery][] = [
      ["first page", { page: 1, pageSize: PAGE_SIZE }],
      ['search "subject-0999" (10 matches)', { q: "subject-0999", page: 1, pageSize: PAGE_SIZE }],
      [`last page (${lastPage})`, { page: lastPage, pageSize: PAGE_SIZE }],
    ];
    for (const [name, query] of cases)
      await attempt(rows, `listSubjectPage, ${name}`, `≤ ${GOAL_MS} ms`, () => measure(name, list(query)));

    const names = Array.from({ length: SUBJECTS }, (_, index) => subjectOf(index));
    await attempt(rows, 'pageOfSubjects alone, search "subject-0999"', "—", async () => {
      const { measured } = await measure("names only", async () => {
        const page = pageOfSubjects(CLUSTER, names, { q: "subject-0999", page: 1, pageSize: PAGE_SIZE });
        return `${page.total} matches`;
      });
      return { measured, met: null };
    });
  } finally {
    filler.close();
    await registry.dispose();
    rmSync(dir, { recursive: true, force: true });
    printTable(
      `schema registry subjects: ${SUBJECTS} subjects in Apicurio 2.6.13 (in-memory, max-subjects raised), pages of ${PAGE_SIZE}, median of ${RUNS} runs after a warm-up; goal from issue 19`,
      rows,
    );
  }
}

/** Registers one version under each subject, PARALLEL at a time. */
async function fill(client: SchemaRegistryClient): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < SUBJECTS; index = next++) {
      const registered = await client.register(subjectOf(index), { schema: SCHEMA });
      if (!registered.ok) throw new Error(`registering ${subjectOf(index)}: ${registered.problem.title}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/** The least a configuration needs for the console to reach the registry: no broker is asked. */
function consoleConfig(dir: string, registryUrl: string): string {
  const path = join(dir, "console.config.yaml");
  writeFileSync(
    path,
    [
      "server:",
      `  dataDir: ${JSON.stringify(join(dir, "data"))}`,
      "clusters:",
      `  - name: ${CLUSTER}`,
      '    bootstrapBrokers: ["127.0.0.1:9"]',
      "    schemaRegistry:",
      `      url: ${JSON.stringify(registryUrl)}`,
      "",
    ].join("\n"),
  );
  return path;
}

async function measure(
  name: string,
  run: () => Promise<string>,
): Promise<Pick<FigureRow, "measured" | "met">> {
  await run();
  const times: number[] = [];
  let check = "";
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    check = await run();
    times.push(performance.now() - start);
  }
  console.log(`${name}: ${check}`);
  console.log(`  runs ${times.map((ms) => ms.toFixed(1)).join(", ")} ms`);
  const ms = median(times);
  return { measured: `${ms.toFixed(1)} ms`, met: ms <= GOAL_MS };
}
