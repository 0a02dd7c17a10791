// The README's screenshots (issue 18's "Done when"): the ACL page at 1440×900, light and dark, with a
// lint error visible without scrolling (the Lint tab, and the Bindings tab with the header's count). `npm run screenshots` writes them to docs/screenshots/; a
// plain e2e run checks the same and keeps the images with its other output.
import { join } from "node:path";

import { expect, test } from "@playwright/test";

const ROOT = join(import.meta.dirname, "..");

test.use({ viewport: { width: 1440, height: 900 } });

test("the ACL page at 1440×900 shows a lint error without scrolling, light and dark", async ({
  page,
  baseURL,
}, testInfo) => {
  const dir = process.env.SCREENSHOTS_DIR ? join(ROOT, process.env.SCREENSHOTS_DIR) : testInfo.outputDir;
  const binding = {
    principal: "User:*.payments.example",
    host: "*",
    resourceType: "TOPIC",
    resourceName: "payments",
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
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto("/console/clusters/e2e/security/acls?tab=lint");
      const finding = page.getByText(`${binding.principal} never matches anyone`);
      await expect(finding).toBeInViewport();
      await expect(
        page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /lint error/ }),
      ).toBeVisible();
      await expect(page.getByRole("status", { name: "Cluster health" })).toContainText("Healthy");
      await page.screenshot({ path: join(dir, `acls-${colorScheme}.png`) });
      // The Bindings tab: the compact filter row above the list, the count still in the header.
      await page.getByRole("tab", { name: /^Bindings/ }).click();
      await expect(page.getByRole("search", { name: "Filter bindings" })).toBeInViewport();
      await expect(page.getByRole("link", { name: /^\d+ lint errors?$/ })).toBeInViewport();
      await page.screenshot({ path: join(dir, `acls-bindings-${colorScheme}.png`) });
    }
  } finally {
    await page.request.delete(api, { headers: { Origin: baseURL! }, data: { bindings: [binding] } });
  }
});
