// How many searches each user and each API token is running. A search holds broker connections of
// its own for as long as it runs (a live tail forever), so without a cap one client could open
// hundreds; the cap turns the next one into a 429 instead.
import type { SearchEvent, SearchProblem } from "@/lib/messages/events";

export interface SearchHolder {
  kind: "user" | "token";
  /** "user:alice", "token:<id> (<name>)": the key the count is kept under. */
  actor: string;
}

export interface SearchLimits {
  perUser: number;
  perToken: number;
}

export type SlotAnswer =
  | { ok: true; release: () => void }
  | { ok: false; running: number; limit: number; setting: keyof SearchLimits };

// On globalThis: Next.js dev reloads modules, and a reload must not forget running searches.
const RUNNING = Symbol.for("kafka-console.kafka.running-searches");
type GlobalWithRunning = typeof globalThis & { [RUNNING]?: Map<string, number> };
const shared = globalThis as GlobalWithRunning;
const running = (shared[RUNNING] ??= new Map<string, number>());

/** Takes a slot if the holder has one free; `release` gives it back, once, however often it is called. */
export function acquireSearchSlot(holder: SearchHolder, limits: SearchLimits): SlotAnswer {
  const key = `${holder.kind}\u0000${holder.actor}`;
  const setting = holder.kind === "user" ? "perUser" : "perToken";
  const limit = limits[setting];
  const count = running.get(key) ?? 0;
  if (count >= limit) return { ok: false, running: count, limit, setting };
  running.set(key, count + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const left = (running.get(key) ?? 1) - 1;
    if (left > 0) running.set(key, left);
    else running.delete(key);
  };
  return { ok: true, release };
}

/** Every holder's running searches together (for /metrics). */
export function allRunningSearches(): number {
  let total = 0;
  for (const count of running.values()) total += count;
  return total;
}

/** The holder's running searches (for tests and diagnostics). */
export function runningSearches(holder: SearchHolder): number {
  return running.get(`${holder.kind}\u0000${holder.actor}`) ?? 0;
}

/** The holder already runs as many searches as messages.maxConcurrentSearches allows. */
export type SearchesExhausted = {
  ok: false;
  status: 429;
  problem: SearchProblem;
  running: number;
  limit: number;
  /** Seconds after which trying again makes sense. */
  retryAfter: number;
};

const RETRY_AFTER_SECONDS = 5;

/** The events unchanged; `release` once the generator finishes, returns early or throws. */
export async function* releasingAtEnd(
  events: AsyncGenerator<SearchEvent>,
  release: () => void,
): AsyncGenerator<SearchEvent> {
  try {
    yield* events;
  } finally {
    release();
  }
}

/** The 429 answer: how many run, the limit, and the setting that sets it. */
export function searchesExhausted(
  holder: SearchHolder,
  { running, limit, setting }: Extract<SlotAnswer, { ok: false }>,
): SearchesExhausted {
  const who = holder.kind === "user" ? "You are" : "This API token is";
  const problem = {
    title: `${who} already running ${running} searches; the limit is ${limit}`,
    hint: `Stop a search (or close its tab) and try again. The limit is messages.maxConcurrentSearches.${setting} in the console's configuration.`,
    code: "TOO_MANY_SEARCHES",
  };
  return { ok: false, status: 429, problem, running, limit, retryAfter: RETRY_AFTER_SECONDS };
}
