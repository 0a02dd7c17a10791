import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { issueCertificateSchema } from "@/lib/schemas/certificates";
import { authorityCertificates, ensureAuthority } from "@/lib/server/ca/authority";
import { issueCertificate } from "@/lib/server/ca/issuance";
import { admin, caTestbed } from "@/test/fixtures/ca-testbed";
import { loadConfig } from "@/lib/server/config";

import { ensureCertificates } from "./certificates";
import { writeConsoleConfig } from "./console-config";
import { brokerLayout, DEFAULT_PORTS } from "./layout";
import { ensurePlainUsers, PLAIN_CONSOLE_USER } from "./plain-users";

const dir = mkdtempSync(join(tmpdir(), "console-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const testbed = caTestbed();

describe("the local cluster's console configuration", () => {
  it("imports the broker's CA, so certificates the console issues chain to the broker's root", async () => {
    const layout = brokerLayout(dir);
    ensureCertificates(layout);
    const loaded = loadConfig({ path: writeConsoleConfig(layout, DEFAULT_PORTS, "local"), env: {} });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const { context } = testbed.context({
      settings: loaded.config.ca,
      dataDir: loaded.config.server.dataDir,
    });
    await ensureAuthority(context);
    const rootPem = readFileSync(layout.rootCa, "utf8");
    expect((await authorityCertificates(context)).rootPem).toBe(rootPem.replace(/\r\n/g, "\n"));

    const issued = await issueCertificate(
      context,
      issueCertificateSchema.parse({ commonName: "local-client" }),
      admin,
    );
    if (!issued.ok) throw new Error(issued.error);
    const leaf = new X509Certificate(issued.data.certificatePem);
    expect(leaf.verify(new X509Certificate(readFileSync(layout.intermediateCa, "utf8")).publicKey)).toBe(
      true,
    );
  });

  it("lists a PLAIN cluster after the first, with its own CA and the console's PLAIN password", () => {
    const layout = brokerLayout(dir);
    ensureCertificates(layout);
    const plainLayout = brokerLayout(join(dir, "plain"));
    ensureCertificates(plainLayout);
    const plain = ensurePlainUsers(plainLayout);
    const path = writeConsoleConfig(layout, DEFAULT_PORTS, "local", "console-data", [
      { name: "plain", layout: plainLayout, ports: { sasl: 9095, ssl: 9096, controller: 9097 } },
    ]);
    const loaded = loadConfig({ path, env: {} });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.config.clusters.map((cluster) => cluster.name)).toEqual(["local", "plain"]);
    expect(loaded.config.clusters[1]).toEqual({
      name: "plain",
      bootstrapBrokers: ["127.0.0.1:9095"],
      tls: { ca: readFileSync(plainLayout.caBundle, "utf8").trimEnd() },
      sasl: { mechanism: "PLAIN", username: PLAIN_CONSOLE_USER, password: plain.users[PLAIN_CONSOLE_USER] },
    });
  });

  it("names the first cluster's schema registry when one runs", () => {
    const layout = brokerLayout(dir);
    ensureCertificates(layout);
    const url = "http://127.0.0.1:8081/apis/ccompat/v7";
    const path = writeConsoleConfig(layout, DEFAULT_PORTS, "local", "console-data", [], url);
    const loaded = loadConfig({ path, env: {} });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.config.clusters[0]?.schemaRegistry).toEqual({ url });
  });
});
