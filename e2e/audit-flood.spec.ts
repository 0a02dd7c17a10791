// A flood of refused requests over HTTP against the production server: the audit trail shows the
// first refusal at once and counts the rest into a summary row, instead of a row per request.
import { randomBytes } from "node:crypto";

import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

const FLOOD = 1_000;
const PARALLEL = 25;

interface ExportedEvent {
  action: string;
  target: string | null;
  clientAddress: string | null;
  count: number;
  firstAt: string | null;
}

/** The trail's rows for one target, oldest first, through the admin's NDJSON export. */
async function rowsFor(api: APIRequestContext, target: string): Promise<ExportedEvent[]> {
  const query = new URLSearchParams({ format: "ndjson", action: "auth.token-rejected", target });
  const response = await api.get(`/api/v1/audit?${query}`);
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split("\n").filter(Boolean);
  return lines.map((line) => JSON.parse(line) as ExportedEvent).reverse();
}

const total = (rows: ExportedEvent[]) => rows.reduce((sum, row) => sum + row.count, 0);

test("1,000 requests with a bogus token add a few rows whose counts add up to 1,000", async ({
  page,
  baseURL,
}) => {
  // The summary is written when the minute's window closes, so this waits up to about a minute.
  test.setTimeout(180_000);
  const tokenId = `flood${randomBytes(6).toString("hex")}`.slice(0, 16);
  const target = `token:${tokenId}`;
  const attacker = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer kc_${tokenId}_${"x".repeat(43)}` },
  });
  try {
    for (let sent = 0; sent < FLOOD; sent += PARALLEL) {
      const statuses = await Promise.all(
        Array.from({ length: PARALLEL }, async () =>
          (await attacker.get("/api/v1/clusters/e2e/status")).status(),
        ),
      );
      expect(new Set(statuses)).toEqual(new Set([401]));
    }
  } finally {
    await attacker.dispose();
  }

  // Visible at once: the first refusal is its own row (a second one if the flood crossed a minute).
  const early = await rowsFor(page.request, target);
  expect(early.length).toBeGreaterThanOrEqual(1);
  expect(early.length).toBeLessThanOrEqual(3);
  expect(early[0]).toMatchObject({ count: 1, firstAt: null, clientAddress: "127.0.0.1" });

  // Counted, never dropped: once the window closes, the rows account for every request.
  await expect.poll(async () => total(await rowsFor(page.request, target)), { timeout: 90_000 }).toBe(FLOOD);
  expect((await rowsFor(page.request, target)).length).toBeLessThanOrEqual(4);

  const csv = await (
    await page.request.get(`/api/v1/audit?format=csv&target=${encodeURIComponent(target)}`)
  ).text();
  expect(csv.split("\r\n")[0]).toMatch(/,count,firstAt,lastAt$/);

  await page.goto(`/console/audit?target=${encodeURIComponent(target)}`);
  const events = page.getByRole("table", { name: "Audit events" });
  await expect(events.getByRole("row").filter({ hasText: / more/ }).first()).toBeVisible();
});
