import { beforeEach, describe, expect, it, vi } from "vitest";

const kafka = vi.hoisted(() => ({
  listClusterNames: vi.fn(() => ["local"]),
  getClusterStatus: vi.fn(),
  getClusterStatusWithin: vi.fn(),
  problemResult: vi.fn((problem: unknown) => ({ ok: false, problem })),
}));
vi.mock("@/lib/server/kafka", () => kafka);

const { resolveClusterRecently } = await import("./clusters");

const up = { ok: true, cluster: "local", overview: { cluster: "local", clusterId: "abc", controllerId: 1 } };

describe("resolveClusterRecently", () => {
  beforeEach(() => {
    vi.useRealTimers();
    kafka.getClusterStatus.mockReset();
  });

  it("reuses a successful resolution within maxAgeMs, and checks again after it", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    kafka.getClusterStatus.mockResolvedValue(up);
    expect(await resolveClusterRecently("local", 1_000)).toMatchObject({ name: "local", clusterId: "abc" });
    vi.setSystemTime(1_000_999);
    expect(await resolveClusterRecently("local", 1_000)).toMatchObject({ clusterId: "abc" });
    expect(kafka.getClusterStatus).toHaveBeenCalledTimes(1);
    vi.setSystemTime(1_001_000);
    await resolveClusterRecently("local", 1_000);
    expect(kafka.getClusterStatus).toHaveBeenCalledTimes(2);
  });

  it("does not keep a failure: the next call checks again", async () => {
    vi.useFakeTimers({ now: 2_000_000 });
    const problem = { title: "The cluster does not answer" };
    kafka.getClusterStatus.mockResolvedValueOnce({ ok: false, cluster: "local", problem });
    kafka.getClusterStatus.mockResolvedValueOnce(up);
    expect(await resolveClusterRecently("local", 1_000)).toBeInstanceOf(Response);
    expect(await resolveClusterRecently("local", 1_000)).toMatchObject({ clusterId: "abc" });
    expect(kafka.getClusterStatus).toHaveBeenCalledTimes(2);
  });
});
