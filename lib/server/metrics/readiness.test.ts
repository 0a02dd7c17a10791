import { afterEach, describe, expect, it, vi } from "vitest";

import { metricsNeedCredentials } from "./access";
import { checkReadiness } from "./readiness";

const answering = { ping: async () => {} };
const failing = {
  ping: async () => {
    throw new Error("database is not open: /secret/path/console.db");
  },
};

afterEach(() => vi.restoreAllMocks());

describe("checkReadiness", () => {
  it("is ready when the configuration loads and the store answers", async () => {
    expect(await checkReadiness({ config: () => ({}), store: () => answering })).toEqual({
      ready: true,
      checks: [
        { name: "configuration", ok: true },
        { name: "store", ok: true },
      ],
    });
  });

  it("names the store when it throws, without its message", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const readiness = await checkReadiness({ config: () => ({}), store: () => failing });
    expect(readiness.ready).toBe(false);
    expect(readiness.checks[1]).toEqual({
      name: "store",
      ok: false,
      message: "the store did not answer; see the server's log",
    });
    expect(JSON.stringify(readiness)).not.toContain("secret");
  });

  it("names the configuration when it does not load, and does not open the store", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const store = vi.fn(() => answering);
    const readiness = await checkReadiness({
      config: () => {
        throw new Error("password: hunter2");
      },
      store,
    });
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.map((check) => [check.name, check.ok])).toEqual([
      ["configuration", false],
      ["store", false],
    ]);
    expect(store).not.toHaveBeenCalled();
    expect(JSON.stringify(readiness)).not.toContain("hunter2");
  });

  it("opens the store when it is first asked, and counts an open failure as not answering", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const readiness = await checkReadiness({
      config: () => ({}),
      store: () => {
        throw new Error("unable to open database file");
      },
    });
    expect(readiness.checks[1]?.ok).toBe(false);
  });
});

describe("metrics access", () => {
  it("asks for credentials unless server.metrics.public", () => {
    expect(metricsNeedCredentials({ metrics: { public: false } })).toBe(true);
    expect(metricsNeedCredentials({ metrics: { public: true } })).toBe(false);
  });
});
