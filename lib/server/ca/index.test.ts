// The module the pages, actions and routes call, wired to the (mocked) configuration, store and request.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { issueCertificateSchema } from "@/lib/schemas/certificates";
import type { Principal } from "@/lib/server/auth/principal-types";
import { harness, newRequest } from "@/test/fixtures/auth-harness";
import { openSqliteStore } from "@/lib/server/store/sqlite/open-sqlite-store";

import * as ca from "./index";

vi.mock("next/headers", async () => (await import("@/test/fixtures/auth-harness")).nextHeadersMock);
vi.mock("@/lib/server/config", async () => (await import("@/test/fixtures/auth-harness")).configMock);
vi.mock("@/lib/server/store", async (importActual) => {
  const { harness: shared } = await import("@/test/fixtures/auth-harness");
  return { ...(await importActual<typeof import("@/lib/server/store")>()), getStore: () => shared.store };
});

const dataDir = mkdtempSync(join(tmpdir(), "console-ca-index-"));
const operator = { kind: "token", role: "operator", actor: "token:abc (ci)" } as Principal;

beforeAll(() => {
  harness.store = openSqliteStore(":memory:");
  harness.server = { ...harness.server, dataDir };
});
afterAll(async () => {
  await harness.store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the CA module", () => {
  it("creates the CA at start (defaults when the config has no ca section) and serves it with a CRL", async () => {
    await ca.ensureCertificateAuthority();
    await ca.ensureCertificateAuthority();
    const certificates = await ca.getCaCertificates();
    expect(certificates.root.subject).toBe("CN=Kafka Console Root CA,O=Kafka Console");
    expect(certificates.intermediate.subject).toBe("CN=Kafka Console Intermediate CA,O=Kafka Console");
    expect(certificates.chainPem).toBe(certificates.intermediate.pem + certificates.root.pem);
    expect((await ca.getCrl()).pem).toMatch(/^-----BEGIN X509 CRL-----/);
    expect((await harness.store?.audit.query({ action: "ca.", limit: 10 }))?.events).toHaveLength(1);
  });

  it("issues with the request's facts in the audit record, lists, gets and refuses a revocation below admin", async () => {
    newRequest({ "x-request-id": "req-ca-1" });
    const result = await ca.issueCertificate(
      issueCertificateSchema.parse({ commonName: "ci-client" }),
      operator,
    );
    if (!result.ok) throw new Error(result.error);
    const [event] = (await harness.store!.audit.query({ action: "certificate.issue", limit: 1 })).events;
    expect(event).toMatchObject({
      actor: "token:abc (ci)",
      requestId: "req-ca-1",
      clientAddress: "127.0.0.1",
    });
    const serial = result.data.certificate.serialNumber;
    expect((await ca.listCertificates({ limit: 10 })).certificates.map((c) => c.serialNumber)).toEqual([
      serial,
    ]);
    expect((await ca.getCertificate(serial))?.summary.issuedBy).toBe("token:abc (ci)");
    expect(await ca.revokeCertificate(serial, { reason: "superseded" }, operator)).toMatchObject({
      status: 403,
    });
  });
});
