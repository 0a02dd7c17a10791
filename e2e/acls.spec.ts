// The story the console exists for (shared/seeds/000): a developer's certificate, an ACL granted on
// /console/security/acls, and the developer's kafkajs stream processor reading over mTLS.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect, test, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";

import { e2eBroker } from "./support/broker";
import { topicWithMessage } from "./support/kafka";

const PRINCIPAL = "User:stream-processor";
/** What the stream processor prints when the broker refuses it the group or the topic. */
const DENIED = /^error: .*\[(GROUP|TOPIC)_AUTHORIZATION_FAILED/m;
const GROUP = "stream-processor-group";

/** Issues the certificate in the browser and keeps the zip's files as the developer would. */
async function certificateFiles(page: Page): Promise<{ ca: string; cert: string; key: string }> {
  await page.goto("/tools/certificates");
  const form = page.getByRole("form", { name: "Issue a certificate" });
  await form.getByLabel("Common name (CN)").fill("stream-processor");
  await form.getByRole("button", { name: "Issue certificate" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Download certificate\.zip/ }).click();
  const dir = mkdtempSync(join(tmpdir(), "e2e-stream-processor-"));
  const zip = join(dir, "certificate.zip");
  await (await download).saveAs(zip);
  const files = unzipSync(readFileSync(zip));
  const write = (name: string) => {
    writeFileSync(join(dir, name), strFromU8(files[name]!));
    return join(dir, name);
  };
  return { ca: write("ca.pem"), cert: write("chain.pem"), key: write("key.pem") };
}

/** The stream processor as its own process, like the seed's example. */
function runStreamProcessor(files: { ca: string; cert: string; key: string }): string {
  const script = join(import.meta.dirname, "support", "stream-processor.mjs");
  const args = [script, e2eBroker().bootstrap, "metrics", GROUP, files.ca, files.cert, files.key];
  const run = spawnSync(process.execPath, args, {
    encoding: "utf8",
    timeout: 90_000,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  // Its answer is one line on stdout; stderr carries kafkajs's own warnings.
  return run.stdout.trim();
}

test("a stream processor is denied, granted with the Consumer preset, and denied again once the bindings go", async ({
  page,
}) => {
  await topicWithMessage("metrics", '{"device_id":"4412abe2","temp":21.5}');
  const files = await certificateFiles(page);
  expect(runStreamProcessor(files)).toMatch(DENIED);

  await page.goto(`/console/security/acls?principal=${encodeURIComponent(PRINCIPAL)}`);
  const create = page.getByRole("region", { name: "Create bindings" });
  await create.getByRole("tab", { name: "Consumer" }).click();
  await expect(create.getByRole("textbox", { name: "Principal", exact: true })).toHaveValue(PRINCIPAL);
  await create.getByRole("textbox", { name: "Topic 1", exact: true }).fill("metrics");
  await create.getByRole("textbox", { name: "Group", exact: true }).fill(GROUP);
  await create.getByRole("button", { name: "Preview" }).click();
  const preview = create.getByRole("list", { name: "Bindings to create" });
  await expect(preview.getByRole("listitem")).toHaveCount(3);
  await expect(preview).toContainText("READ");
  await create.getByRole("button", { name: "Create 3 bindings" }).click();
  await expect(page.getByText("Created 3 bindings.")).toBeVisible();

  await expect
    .poll(() => runStreamProcessor(files), { timeout: 60_000 })
    .toBe('message: {"device_id":"4412abe2","temp":21.5}');

  await page.getByRole("button", { name: `Delete all of ${PRINCIPAL}…` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Bindings to delete" }).getByRole("listitem")).toHaveCount(3);
  await dialog.getByRole("button", { name: "Delete 3 bindings" }).click();
  await expect(page.getByText(/Deleted 3 bindings\./)).toBeVisible();

  await expect.poll(() => runStreamProcessor(files), { timeout: 60_000 }).toMatch(DENIED);
});

test("a principal that never matches is flagged in the preview, in the bindings and in who may do what", async ({
  page,
}) => {
  const wildcard = "User:*.clients.x";
  await topicWithMessage("lint-e2e", "x");
  await page.goto("/console/security/acls");
  const create = page.getByRole("region", { name: "Create bindings" });
  await create.getByRole("textbox", { name: "Principal", exact: true }).fill(wildcard);
  await create.getByRole("textbox", { name: "Resource name 1" }).fill("lint-e2e");
  await create.getByRole("checkbox", { name: "READ", exact: true }).check();
  await create.getByRole("button", { name: "Preview" }).click();
  const warnings = create.getByRole("list", { name: "Lint findings for these bindings" });
  await expect(warnings.getByRole("listitem")).toHaveCount(1);
  await expect(warnings).toContainText(`${wildcard} never matches anyone`);
  await expect(warnings).toContainText("wildcard-principal");
  await create.getByRole("button", { name: "Create 1 binding" }).click();
  await expect(page.getByText("Created 1 binding.")).toBeVisible();

  const bindings = page.getByRole("table", { name: "ACL bindings" });
  await expect(bindings.getByRole("row").filter({ hasText: wildcard }).first()).toContainText(
    "Never matches",
  );

  await page.goto("/console/security/acls?resource=topic:lint-e2e");
  const access = page.getByRole("list", { name: "Access to topic lint-e2e" });
  const entry = access.getByRole("listitem").filter({ hasText: wildcard }).first();
  await expect(entry).toContainText("ALLOWED");
  await expect(entry).toContainText("Never matches");

  await page.goto("/console/security/acls");
  await page.getByRole("button", { name: `Delete all of ${wildcard}…` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete 1 binding" }).click();
  await expect(page.getByText(/Deleted 1 binding\./)).toBeVisible();
});

test("the ACL page's tabs follow the address and the keyboard, and the lint error count shows in the header and the sidebar", async ({
  page,
  baseURL,
}) => {
  const binding = {
    principal: `User:*.tabs-${Date.now()}`,
    host: "*",
    resourceType: "TOPIC",
    resourceName: "acl-tabs-e2e",
    patternType: "LITERAL",
    operation: "READ",
    permission: "ALLOW",
  };
  const api = "/api/v1/clusters/e2e/acls";
  const created = await page.request.post(api, {
    headers: { Origin: baseURL! },
    data: { bindings: [binding] },
  });
  expect(created.status(), await created.text()).toBe(201);
  try {
    await page.goto("/console/clusters/e2e/security/acls?tab=lint");
    const tabs = page.getByRole("tablist", { name: "ACL page sections" });
    await expect(tabs.getByRole("tab", { name: /^Lint/ })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tabpanel")).toContainText(`${binding.principal} never matches anyone`);

    // The same count in the header, on the Lint tab and on the sidebar's ACL item.
    const headerCount = page.getByRole("link", { name: /^\d+ lint errors?$/ });
    const errors = Number((await headerCount.textContent())?.match(/^\d+/)?.[0]);
    expect(errors).toBeGreaterThanOrEqual(1);
    await expect(tabs.getByRole("tab", { name: new RegExp(`^Lint\\s*${errors}$`) })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(
      nav.getByRole("link", { name: new RegExp(`^ACLs\\W+${errors} lint errors?\\W*$`) }),
    ).toBeVisible();
    // Other pages get it from the server (the cluster layout), not from the ACL page.
    await page.goto("/console/clusters/e2e/topics");
    await expect(
      nav.getByRole("link", { name: new RegExp(`^ACLs\\W+${errors} lint errors?\\W*$`) }),
    ).toBeVisible();

    // Arrow keys, Home and End move between the tabs and put the tab in the address.
    await page.goto("/console/clusters/e2e/security/acls");
    await expect(tabs.getByRole("tab", { name: /^Bindings/ })).toHaveAttribute("aria-selected", "true");
    await tabs.getByRole("tab", { name: /^Bindings/ }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(tabs.getByRole("tab", { name: /^Lint/ })).toBeFocused();
    await expect(page).toHaveURL(/[?&]tab=lint\b/);
    await page.keyboard.press("ArrowRight");
    await expect(tabs.getByRole("tab", { name: "Check access" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tabpanel").getByRole("heading", { name: "Check access" })).toBeVisible();
    await page.keyboard.press("End");
    await expect(tabs.getByRole("tab", { name: "By resource" })).toBeFocused();
    await expect(page).toHaveURL(/[?&]tab=resource\b/);
    await page.reload();
    await expect(tabs.getByRole("tab", { name: "By resource" })).toHaveAttribute("aria-selected", "true");
    const picker = page.getByRole("form", { name: "Choose a resource" });
    await picker.getByRole("textbox", { name: "Name" }).fill(binding.resourceName);
    await picker.getByRole("button", { name: "Show access" }).click();
    await expect(page.getByRole("list", { name: `Access to topic ${binding.resourceName}` })).toContainText(
      binding.principal,
    );
    await tabs.getByRole("tab", { name: "By resource" }).focus();
    await page.keyboard.press("Home");
    await expect(tabs.getByRole("tab", { name: /^Bindings/ })).toHaveAttribute("aria-selected", "true");

    // The compact filter row; a filter behind "More filters" set by a link opens it.
    const filters = page.getByRole("search", { name: "Filter bindings" });
    await expect(filters.getByRole("button", { name: "More filters" })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    await expect(filters.getByRole("combobox", { name: "Operation" })).toBeHidden();
    await page.goto(
      `/console/clusters/e2e/security/acls?operation=read&q=${encodeURIComponent("acl-tabs-e2e")}`,
    );
    await expect(filters.getByRole("button", { name: "Fewer filters" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
    await expect(filters.getByRole("combobox", { name: "Operation" })).toHaveValue("READ");
    await expect(page.getByRole("table", { name: "ACL bindings" })).toContainText(binding.principal);
  } finally {
    const deleted = await page.request.delete(api, {
      headers: { Origin: baseURL! },
      data: { bindings: [binding] },
    });
    expect(deleted.ok(), await deleted.text()).toBe(true);
  }
});
