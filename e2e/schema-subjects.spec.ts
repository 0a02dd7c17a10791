// Browsing and evolving a real Apicurio registry's subjects in the browser: a subject's versions,
// a version's schema and id, a diff kept in the address, the schema-by-id page; a compatibility
// check that shows the registry's reasons and registers nothing, then a compatible version
// registered; the subject's level set and inherited again; a viewer sees no controls and the server
// refuses them; an admin soft- then hard-deletes with a confirmation; each change in the audit trail.
// (Named to run after schema-registry.spec.ts, whose subject counts it must not change.)
import { expect, test, type Page } from "@playwright/test";

import { storageStateFor } from "./support/credentials";

const REGISTRY = () => {
  const url = process.env.E2E_REGISTRY_URL;
  if (!url) throw new Error("E2E_REGISTRY_URL is not set (global setup)");
  return url;
};
const SUBJECT = "e2e-evolve-orders-value";
const API = `/api/v1/clusters/e2e/schema-registry`;
const PAGE = `/console/clusters/e2e/schema-registry/subjects/${SUBJECT}`;
const avro = (fields: object[]) =>
  JSON.stringify({ type: "record", name: "Order", namespace: "e2e", fields });
const V1 = avro([{ name: "id", type: "string" }]);
const V2 = avro([
  { name: "id", type: "string" },
  { name: "qty", type: "int", default: 1 },
]);
const V3 = avro([
  { name: "id", type: "string" },
  { name: "qty", type: "int", default: 1 },
  { name: "note", type: "string", default: "" },
]);
const BROKEN = avro([{ name: "id", type: "long" }]);

test.beforeAll(async () => {
  for (const schema of [V1, V2]) {
    const response = await fetch(`${REGISTRY()}/subjects/${SUBJECT}/versions`, {
      method: "POST",
      headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
      body: JSON.stringify({ schema }),
    });
    expect(response.ok).toBe(true);
  }
});

async function liveVersions(page: Page): Promise<number[]> {
  const answer = await page.request.get(`${API}/subjects/${SUBJECT}/versions`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { versions: number[] }).versions;
}

test("browses a subject: versions, the schema and its id, a diff in the address, the schema by id", async ({
  page,
}) => {
  await page.goto("/console/clusters/e2e/schema-registry?q=evolve");
  await expect(page.getByLabel("Compatibility level", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: SUBJECT }).click();
  await expect(page.getByRole("heading", { level: 1, name: SUBJECT })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Version 2" })).toBeVisible();
  await expect(page.getByLabel("Schema of version 2")).toContainText('"name": "qty"');
  await expect(page.getByLabel("Mode", { exact: true })).toHaveText("Unavailable");

  await page.getByRole("list", { name: "Versions" }).getByRole("link", { name: "Version 1" }).click();
  await expect(page).toHaveURL(/[?&]version=1/);
  await expect(page.getByLabel("Schema of version 1")).not.toContainText("qty");

  await page.getByLabel("From version").selectOption("1");
  await page.getByLabel("To version").selectOption("2");
  await page.getByRole("button", { name: "Show diff" }).click();
  await expect(page).toHaveURL(/from=1&to=2/);
  const diff = page.getByLabel("Diff of version 1 and version 2");
  await expect(diff).toContainText(/\+\s+"name": "qty"/);
  await expect(page.getByText(/Version 1 → version 2: \d+ lines? added, \d+ removed/)).toBeVisible();

  // The address alone brings the same diff back.
  await page.goto(`${PAGE}?version=2&from=1&to=2`);
  await expect(page.getByLabel("Diff of version 1 and version 2")).toContainText('"qty"');

  const version2 = (await (await page.request.get(`${API}/subjects/${SUBJECT}/versions/2`)).json()) as {
    id: number;
  };
  await page.getByRole("link", { name: String(version2.id), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Schema ${version2.id}` })).toBeVisible();
  await expect(page.getByRole("table", { name: "Used by" })).toContainText(SUBJECT);
});

test("an incompatible version shows the registry's reasons and registers nothing; a compatible one registers after its check", async ({
  page,
}) => {
  await page.goto(PAGE);
  await page.getByLabel("Subject's compatibility level").selectOption("BACKWARD");
  await page.getByRole("button", { name: "Save level" }).click();
  await expect(page.getByText(`Compatibility set to BACKWARD for ${SUBJECT}.`)).toBeVisible();
  await expect(page.getByLabel("Compatibility level", { exact: true })).toHaveText("BACKWARD");

  const schema = page.getByRole("textbox", { name: "Schema", exact: true });
  const register = page.getByRole("button", { name: "Register", exact: true });
  await schema.fill(BROKEN);
  await expect(register).toBeDisabled();
  await page.getByRole("button", { name: "Check compatibility" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Not compatible under BACKWARD" });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole("listitem").first()).not.toBeEmpty();
  await expect(register).toBeDisabled();
  expect(await liveVersions(page)).toEqual([1, 2]);

  await schema.fill(V3);
  await page.getByRole("button", { name: "Check compatibility" }).click();
  await expect(page.getByText("Compatible with the latest version under BACKWARD.")).toBeVisible();
  await register.click();
  await expect(page.getByText(/Registered version 3 with id \d+\./)).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Versions" }).getByRole("link", { name: "Version 3" }),
  ).toBeVisible();
  expect(await liveVersions(page)).toEqual([1, 2, 3]);

  await page.getByLabel("Subject's compatibility level").selectOption("INHERIT");
  await page.getByRole("button", { name: "Save level" }).click();
  await expect(page.getByText(`${SUBJECT} now inherits the global level`)).toBeVisible();
  await expect(page.getByText("inherited from global")).toBeVisible();
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees no register, level or delete controls, and the server refuses them", async ({
    page,
    baseURL,
  }) => {
    await page.goto(PAGE);
    await expect(page.getByRole("heading", { name: "Versions", exact: true })).toBeVisible();
    await expect(page.getByLabel("Schema of version 3")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Register a new version" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Save level" })).toHaveCount(0);

    const headers = { Origin: baseURL! };
    const refused = [
      await page.request.post(`${API}/subjects/${SUBJECT}/versions`, { headers, data: { schema: V3 } }),
      await page.request.delete(`${API}/subjects/${SUBJECT}/versions/1`, { headers }),
      await page.request.delete(`${API}/subjects/${SUBJECT}?permanent=true`, { headers }),
      await page.request.put(`${API}/config/${SUBJECT}`, { headers, data: { compatibility: "NONE" } }),
    ];
    for (const answer of refused) {
      expect(answer.status()).toBe(403);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    }
    expect(await liveVersions(page)).toEqual([1, 2, 3]);
  });
});

test("an admin soft-deletes a version, then the subject, then deletes it permanently after typing its name; all audited", async ({
  page,
}) => {
  await page.goto(`${PAGE}?version=1`);
  await page.getByRole("button", { name: "Delete version 1…" }).click();
  const versionDialog = page.getByRole("dialog", { name: `Delete version 1 of ${SUBJECT} (soft)?` });
  await expect(versionDialog).toContainText("soft-deleted");
  await versionDialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(versionDialog).toBeHidden();
  expect(await liveVersions(page)).toEqual([2, 3]);
  await expect(
    page.getByRole("list", { name: "Versions" }).getByRole("link", { name: /Version 1/ }),
  ).toContainText("soft-deleted");

  await page.getByRole("button", { name: "Delete subject…" }).click();
  const subjectDialog = page.getByRole("dialog", { name: `Delete subject ${SUBJECT} (soft)?` });
  await expect(subjectDialog).toContainText("all its versions (2, 3)");
  await subjectDialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(subjectDialog).toBeHidden();

  await page.getByRole("button", { name: "Delete subject permanently…" }).click();
  const hardDialog = page.getByRole("dialog", { name: `Delete subject ${SUBJECT} permanently?` });
  await expect(hardDialog).toContainText("removed for good");
  await hardDialog.getByRole("textbox").fill("not-the-name");
  await hardDialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(hardDialog.getByRole("alert")).toContainText("Type the subject's name");
  await hardDialog.getByRole("textbox").fill(SUBJECT);
  await hardDialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page).toHaveURL(/\/schema-registry$/);
  expect((await page.request.get(`${API}/subjects/${SUBJECT}/versions`)).status()).toBe(404);

  const query = new URLSearchParams({ format: "ndjson", action: "schema.", target: SUBJECT });
  const trail = (await (await page.request.get(`/api/v1/audit?${query}`)).text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { action: string; outcome: string; details: Record<string, unknown> });
  const deletes = trail.filter((row) => row.action === "schema.delete" && row.outcome === "success");
  expect(deletes.map((row) => row.details.mode).sort()).toEqual(["hard", "soft", "soft"]);
  expect(deletes.find((row) => row.details.version === 1)).toMatchObject({ details: { mode: "soft" } });
  expect(trail.some((row) => row.action === "schema.register" && row.outcome === "success")).toBe(true);
  expect(trail.filter((row) => row.action === "schema.compatibility").length).toBe(2);
});
