// Brokers that cannot be reached: answered in seconds, with the cause named. Real sockets on
// 127.0.0.1, no broker needed.
import { createServer, type Server, type Socket } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createClusterPool } from "@/lib/server/kafka/cluster-pool";

import { freePort } from "../support/free-port";

/** Accepts connections and never says a word: a hung broker, or a firewall that lets SYN through. */
let silent: Server;
const sockets = new Set<Socket>();

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

async function timedStatus(bootstrapBrokers: string[], tls?: { ca?: string }) {
  const pool = createClusterPool([{ name: "dead", bootstrapBrokers, tls }]);
  const started = Date.now();
  const status = await pool.status("dead");
  const elapsedMs = Date.now() - started;
  await pool.close();
  if (status.ok) throw new Error("expected a problem");
  return { problem: status.problem, elapsedMs };
}

describe("an unreachable cluster", () => {
  it("is refused at once when nothing listens", async () => {
    const port = await freePort();
    const { problem, elapsedMs } = await timedStatus([`127.0.0.1:${port}`]);
    expect(problem).toMatchObject({
      kind: "unreachable",
      title: `Connection refused by 127.0.0.1:${port}`,
      code: "ECONNREFUSED",
    });
    expect(elapsedMs).toBeLessThan(2_000);
  });

  it("names a host that does not resolve", async () => {
    const { problem } = await timedStatus(["broker.invalid:9092"]);
    expect(problem).toMatchObject({
      kind: "unreachable",
      code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/),
    });
    expect(problem.title).toContain("broker.invalid");
  });

  it("times out in seconds, not half a minute, when the broker never answers", async () => {
    const { port } = silent.address() as { port: number };
    const { problem, elapsedMs } = await timedStatus([`127.0.0.1:${port}`], {});
    expect(problem).toMatchObject({
      kind: "unreachable",
      title: `Connecting to 127.0.0.1:${port} timed out`,
      code: "PLT_KFK_TIMEOUT",
    });
    // Two attempts of 3 s each plus the retry delay.
    expect(elapsedMs).toBeGreaterThan(5_000);
    expect(elapsedMs).toBeLessThan(9_000);
  });

  it("tries the next bootstrap broker when the first is down", async () => {
    const [down, alsoDown] = [await freePort(), await freePort()];
    const { problem } = await timedStatus([`127.0.0.1:${down}`, `127.0.0.1:${alsoDown}`]);
    expect(problem).toMatchObject({ kind: "unreachable", code: "ECONNREFUSED" });
  });

  it("gives up at the pool's deadline and starts over with a new client", async () => {
    // The library can leave a client waiting forever (e.g. after Node threw inside its connect); the
    // deadline is the backstop, and the client that missed it is not used again.
    const { port } = silent.address() as { port: number };
    const pool = createClusterPool([{ name: "hung", bootstrapBrokers: [`127.0.0.1:${port}`] }], {
      deadlineMs: 1_000,
    });
    const first = await pool.withAdmin("hung", async (admin) => admin);
    const started = Date.now();
    const status = await pool.status("hung");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(status).toMatchObject({
      ok: false,
      problem: { kind: "unreachable", title: "The cluster did not answer in time", code: "PLT_KFK_TIMEOUT" },
    });
    const second = await pool.withAdmin("hung", async (admin) => admin);
    expect(first.ok && second.ok && first.data !== second.data).toBe(true);
    if (first.ok) expect(first.data.closed).toBe(true);
    await pool.close();
  });
});
