// The benchmark's search server as a child process: `tsx search-server-process.ts <cluster>` with
// CONSOLE_CONFIG set; prints its port, samples its own memory between /__memory/start and /__memory/stop.
import { loadEngine } from "./engine";
import { sampleMemory } from "./rss-sampler";
import { serveSearches } from "./search-server";

async function main(cluster: string): Promise<void> {
  const engine = await loadEngine(process.env.CONSOLE_CONFIG ?? "");
  let sampler: ReturnType<typeof sampleMemory> | null = null;
  const port = await serveSearches(cluster, engine, (path, stats) => {
    if (path === "/__memory/start") {
      sampler?.stop();
      sampler = sampleMemory();
    }
    if (path === "/__memory/stop") return sampler?.stop() ?? null;
    if (path === "/__stats") return stats;
    return null;
  });
  console.log(`listening ${port}`);
  process.on("SIGTERM", () => void engine.close().finally(() => process.exit(0)));
}

main(process.argv[2] ?? "local").catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
