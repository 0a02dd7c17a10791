// The schema registry's foundation in the browser: the header says whether a cluster's registry is
// reachable; the Subjects page (from the navigation) lists a real Apicurio registry's subjects with
// search and paging, and the REST route answers the same; a cluster without a registry says so.
import { expect, test } from "@playwright/test";

const REGISTRY = () => {
  const url = process.env.E2E_REGISTRY_URL;
  if (!url) throw new Error("E2E_REGISTRY_URL is not set (global setup)");
  return url;
};
const SUBJECTS = Array.from({ length: 53 }, (_, index) => `e2e-sr-${String(index).padStart(2, "0")}-value`);
const SCHEMA = JSON.stringify({ type: "record", name: "Row", fields: [{ name: "id", type: "string" }] });

test.beforeAll(async () => {
  for (const subject of SUBJECTS) {
    const response = await fetch(`${REGISTRY()}/subjects/${subject}/versions`, {
      method: "POST",
      headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
      body: JSON.stringify({ schema: SCHEMA }),
    });
    expect(response.ok).toBe(true);
  }
});

test("lists, searches and pages the registry's subjects; the header says it is reachable", async ({
  page,
}) => {
  await page.goto("/console/clusters/e2e");
  await expect(page.getByRole("status", { name: "Schema registry health" })).toContainText(
    "Registry: reachable",
  );
  await page.getByRole("navigation").getByRole("link", { name: "Schema registry", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schema registry" })).toBeVisible();

  // Other specs register subjects of their own in the same registry: all of them are counted, and
  // this spec's 53 are paged through their common prefix.
  const registered = (await (await fetch(`${REGISTRY()}/subjects`)).json()) as string[];
  expect(registered).toEqual(expect.arrayContaining(SUBJECTS));
  const table = page.getByRole("table", { name: "Subjects" });
  const pages = page.getByRole("navigation", { name: "Subject pages" });
  await expect(pages).toContainText(`1–50 of ${registered.length} subjects`);
  await page.getByRole("searchbox", { name: "Search subjects" }).fill("e2e-sr-");
  // The search reaches the address after a pause: paging before it would be undone by it.
  await expect(page).toHaveURL(/[?&]q=e2e-sr-/);
  await expect(pages).toContainText("1–50 of 53 subjects");
  await expect(table.getByRole("row").nth(1)).toContainText("e2e-sr-00-value");
  await pages.getByRole("link", { name: /next/i }).click();
  await expect(pages).toContainText("51–53 of 53 subjects");
  await expect(table.getByRole("row").nth(1)).toContainText("e2e-sr-50-value");

  await page.getByRole("searchbox", { name: "Search subjects" }).fill("SR-1");
  await expect(page).toHaveURL(/[?&]q=SR-1/);
  await expect(pages).toContainText("1–10 of 10 subjects");
  await page.getByRole("searchbox", { name: "Search subjects" }).fill("no-such-subject");
  await expect(page.getByRole("heading", { name: "No subject matches" })).toBeVisible();

  const answer = await page.request.get("/api/v1/clusters/e2e/schema-registry/subjects?q=sr-0&pageSize=5");
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({
    cluster: "e2e",
    subjects: ["e2e-sr-00-value", "e2e-sr-01-value", "e2e-sr-02-value", "e2e-sr-03-value", "e2e-sr-04-value"],
    total: 10,
    page: 1,
    pageSize: 5,
  });
});

test("a cluster without a registry says so, in the header, the page and REST", async ({ page }) => {
  await page.goto("/console/clusters/e2e-plain/schema-registry");
  await expect(page.getByRole("heading", { name: "No schema registry configured" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Schema registry health" })).toContainText(
    "Registry: not configured",
  );
  const answer = await page.request.get("/api/v1/clusters/e2e-plain/schema-registry/subjects");
  expect(answer.status()).toBe(404);
  expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(
    "SCHEMA_REGISTRY_NOT_CONFIGURED",
  );
});
