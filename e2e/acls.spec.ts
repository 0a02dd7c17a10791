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
