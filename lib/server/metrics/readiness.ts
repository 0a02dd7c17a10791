// /readyz: ready when the configuration loaded and the store answers a trivial query. A failed
// check is named with a fixed message: the reason (a path, a driver's text) goes to the log only.

export interface ReadinessCheck {
  name: "configuration" | "store";
  ok: boolean;
  message?: string;
}

export interface Readiness {
  ready: boolean;
  checks: ReadinessCheck[];
}

/** Something with a ping, as ConsoleStore has. */
interface Pingable {
  ping(): Promise<void>;
}

/** A database that hangs counts as not answering: a probe must answer before its own time-out. */
const PING_TIMEOUT_MS = 2_000;

/** True when the store opens and answers in time; a failure is logged, not thrown. */
export async function storeAnswers(store: () => Pingable): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store().ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)),
          PING_TIMEOUT_MS,
        );
      }),
    ]);
    return true;
  } catch (error) {
    console.error(
      `Readiness: the store did not answer: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(sources: {
  config: () => unknown;
  store: () => Pingable;
}): Promise<Readiness> {
  let configured = true;
  try {
    sources.config();
  } catch (error) {
    configured = false;
    console.error(
      `Readiness: the configuration did not load: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const checks: ReadinessCheck[] = [
    configured
      ? { name: "configuration", ok: true }
      : { name: "configuration", ok: false, message: "the configuration did not load; see the server's log" },
  ];
  // The store's path comes from the configuration: without it there is nothing to ask.
  if (!configured) checks.push({ name: "store", ok: false, message: "not checked without a configuration" });
  else if (await storeAnswers(sources.store)) checks.push({ name: "store", ok: true });
  else checks.push({ name: "store", ok: false, message: "the store did not answer; see the server's log" });
  return { ready: checks.every((check) => check.ok), checks };
}
