// The sign-in throttle's counts: the same cases against SQLite and PostgreSQL, and two replicas
// counting one key together (lib/server/auth/sign-in-throttle.ts computes the lock from them).
import { describe, expect, it } from "vitest";

import { storeImplementations } from "@/test/support/store-implementations";

const WINDOW = 15 * 60_000;
const T0 = 1_700_000_000_000;

describe.each(storeImplementations())("$name store: sign-in failures", ({ open }) => {
  it("counts a key's failures, starts over after a quiet window, forgets and prunes", async () => {
    const { store } = await open();
    expect(await store.throttle.hit("pair:a", T0, WINDOW)).toBe(1);
    expect(await store.throttle.hit("pair:a", T0 + 1_000, WINDOW)).toBe(2);
    expect(await store.throttle.hit("address:x", T0 + 1_000, WINDOW)).toBe(1);
    expect(await store.throttle.counts([])).toEqual([]);
    expect(
      (await store.throttle.counts(["pair:a", "address:x", "pair:none"])).toSorted((a, b) =>
        a.key.localeCompare(b.key),
      ),
    ).toEqual([
      { key: "address:x", failures: 1, lastFailureAt: T0 + 1_000 },
      { key: "pair:a", failures: 2, lastFailureAt: T0 + 1_000 },
    ]);
    // A failure a window after the last starts over; one from a clock behind keeps the later time.
    expect(await store.throttle.hit("pair:a", T0 + 1_000 + WINDOW, WINDOW)).toBe(1);
    expect(await store.throttle.hit("pair:a", T0 + WINDOW, WINDOW)).toBe(2);
    expect(await store.throttle.counts(["pair:a"])).toEqual([
      { key: "pair:a", failures: 2, lastFailureAt: T0 + 1_000 + WINDOW },
    ]);
    await store.throttle.forget("pair:a");
    expect(await store.throttle.counts(["pair:a"])).toEqual([]);
    expect(await store.throttle.prune(T0 + 2_000)).toBe(1);
    expect(await store.throttle.counts(["address:x"])).toEqual([]);
  });

  it("loses no failure when replicas count one key at the same moment", async () => {
    const { store, openAnother } = await open();
    const other = await openAnother();
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        (index % 2 ? store : other).throttle.hit("address:shared", T0, WINDOW),
      ),
    );
    expect(await store.throttle.counts(["address:shared"])).toEqual([
      { key: "address:shared", failures: 40, lastFailureAt: T0 },
    ]);
  });
});
