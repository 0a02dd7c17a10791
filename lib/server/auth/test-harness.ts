// A request, a store and a configuration for testing the auth flows without a Next server: each
// test file mocks next/headers, the config and the store with these (see the vi.mock lines there).
import type { ConsoleStore } from "@/lib/server/store/types";

export interface FakeRequest {
  headers: Headers;
  cookies: Map<string, string>;
}

export const harness = {
  request: { headers: new Headers(), cookies: new Map<string, string>() } as FakeRequest,
  store: undefined as ConsoleStore | undefined,
  server: {
    dataDir: "/nonexistent",
    storePath: ":memory:",
    sessionSecret: "a-test-session-secret-of-at-least-32-characters",
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    secureCookies: true,
    trustProxy: false,
  },
};

/** A new request from 127.0.0.1, carrying the cookies of the previous one (like a browser). */
export function newRequest(headers: Record<string, string> = {}): FakeRequest {
  harness.request = {
    headers: new Headers({
      "x-console-socket-address": "127.0.0.1",
      "x-request-id": "req-test-1",
      ...headers,
    }),
    cookies: harness.request.cookies,
  };
  return harness.request;
}

export const nextHeadersMock = {
  headers: async () => harness.request.headers,
  cookies: async () => ({
    get: (name: string) => {
      const value = harness.request.cookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    has: (name: string) => harness.request.cookies.has(name),
    set: (name: string, value: string) => void harness.request.cookies.set(name, value),
    delete: (name: string) => void harness.request.cookies.delete(name),
  }),
};

export const configMock = {
  getConfig: () => ({ clusters: [], server: harness.server }),
};

/** Forgets in-memory state kept on globalThis between requests (throttle counters, sweep time). */
export function resetProcessState(): void {
  const shared = globalThis as Record<symbol, unknown>;
  for (const name of [
    "kafka-console.auth.sign-in-throttle",
    "kafka-console.auth.session-sweep",
    "kafka-console.auth.keys",
    "kafka-console.auth.refusal-ledger",
  ])
    delete shared[Symbol.for(name)];
}
