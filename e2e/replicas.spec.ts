// Two console replicas on one PostgreSQL (issue 16), through HTTP: both production servers of the
// suite's build, started together on a fresh database by this file, one configuration and secret.
// Any replica serves any request: a session from one works on the other and ends on both, the
// sign-in throttle counts across both, certificates issued through both are one inventory, one audit
// trail and one CRL, and a replica killed mid-issuance loses nothing it acknowledged.
import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect, test, type APIRequestContext } from "@playwright/test";
import forge from "node-forge";
import pg from "pg";

import { startTestPostgres, type TestPostgres } from "../test/support/postgres";
import {
  auditTargets,
  bearer,
  client,
  createTokenOver,
  inventorySerials,
  signInOver,
} from "./support/replica-http";
import { addReplicaUser, spawnReplica, writeReplicaConfig, type Replica } from "./support/replicas";

// The browser starts signed out: cookies on 127.0.0.1 are shared across ports, the suite's too.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

const password = () => randomBytes(18).toString("base64url");
const users = {
  admin: { username: "rita-replicas-admin", password: password() },
  viewer: { username: "vic-replicas-viewer", password: password() },
  throttled: { username: "theo-replicas-throttled", password: password() },
};

let postgres: TestPostgres;
let storeUrl: string;
let a: Replica;
let b: Replica;
let http: APIRequestContext;
/** An admin API token of the replicas' store (tokens are per store, not the suite's). */
let adminToken: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  postgres = await startTestPostgres();
  storeUrl = await postgres.createDatabase("replicas");
  const configPath = writeReplicaConfig("replicas", storeUrl);
  // At the same moment, on an empty database: both migrate it, or wait for the one that does.
  const [first, second] = await Promise.all([spawnReplica("A", configPath), spawnReplica("B", configPath)]);
  a = first;
  b = second;
  await Promise.all([a.ready(), b.ready()]);
  for (const [role, user] of Object.entries(users))
    addReplicaUser(configPath, user.username, role === "throttled" ? "viewer" : role, user.password);
  http = await client();
  const admin = await signInOver(http, a.baseURL, users.admin.username, users.admin.password);
  if (!admin.cookie)
    throw new Error(`The admin's sign-in set no session cookie: ${admin.body.slice(0, 300)}`);
  adminToken = await createTokenOver(http, a.baseURL, admin.cookie, "admin");
});

test.afterAll(async () => {
  await http?.dispose();
  await Promise.all([a?.stop(), b?.stop()]);
  await postgres?.stop();
});

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const db = new pg.Client({ connectionString: storeUrl });
  await db.connect();
  try {
    return (await db.query<T>(sql)).rows;
  } finally {
    await db.end();
  }
}

test("two replicas started together on a fresh database migrate it once and both become ready", async () => {
  const versions = await query<{ version: number; applied_at: string }>(
    "SELECT version, applied_at FROM schema_migrations ORDER BY version",
  );
  expect(versions.map(({ version }) => version)).toEqual(versions.map((_, index) => index + 1));
  // One replica applied them all in one transaction; the other found nothing left to do.
  expect(new Set(versions.map(({ applied_at }) => applied_at)).size).toBe(1);
  for (const replica of [a, b]) expect((await http.get(`${replica.baseURL}/readyz`)).status()).toBe(200);
  // Each would have made the first admin on its own; one did.
  const firstAdmins = await query<{ count: string }>("SELECT count(*) FROM users WHERE username = 'admin'");
  expect(Number(firstAdmins[0]!.count)).toBe(1);
});

test("a session signed in on A works on B; signed out on B, A refuses it", async ({ page, context }) => {
  await page.goto(`${a.baseURL}/login`);
  await page.getByLabel("User name").fill(users.viewer.username);
  await page.getByLabel("Password", { exact: true }).fill(users.viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const session = (await context.cookies(a.baseURL)).find(({ name }) => name === "kc_session");
  expect(session).toBeDefined();
  const cookie = { Cookie: `kc_session=${session!.value}` };

  // B never saw this sign-in: only the shared store knows the session.
  expect((await http.get(`${b.baseURL}/api/v1/certificates?limit=1`, { headers: cookie })).status()).toBe(
    200,
  );
  await page.goto(`${b.baseURL}/console`);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  await page.getByRole("button", { name: /^User menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The browser dropped its cookie; a copy of it is refused by A, which did not sign it out.
  expect((await http.get(`${a.baseURL}/api/v1/certificates?limit=1`, { headers: cookie })).status()).toBe(
    401,
  );
});

test("wrong passwords on A and B count together: the account locks as one", async () => {
  const { username } = users.throttled;
  const answers: string[] = [];
  // Five at one account from one address are free; a sixth holds it. Counted per replica, ten
  // alternating failures would be five on each and nothing held.
  for (let attempt = 0; attempt < 10; attempt++) {
    const replica = attempt % 2 === 0 ? a : b;
    const { body } = await signInOver(http, replica.baseURL, username, `wrong-${attempt}`);
    answers.push(body.includes('"status":429') ? "held" : body.includes("Wrong user name") ? "wrong" : body);
  }
  expect(answers.slice(0, 5)).toEqual(Array(5).fill("wrong"));
  expect(answers).toContain("held");
  expect(answers.filter((answer) => answer !== "wrong" && answer !== "held")).toEqual([]);
  // Every checked password counted once in the shared table, whichever replica checked it.
  const counts = await query<{ failures: number }>("SELECT failures FROM sign_in_failures");
  const wrong = answers.filter((answer) => answer === "wrong").length;
  expect(wrong).toBeGreaterThanOrEqual(6);
  expect(Math.max(...counts.map(({ failures }) => Number(failures)))).toBe(wrong);
});

/** CSRs of one throwaway key, distinct names: issuance without 200 key generations on 2 cores. */
function csrsFor(prefix: string, count: number): { name: string; csrPem: string }[] {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signer = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  const subjectKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  return Array.from({ length: count }, (_, index) => {
    const name = `${prefix}-${index}`;
    const csr = forge.pki.createCertificationRequest();
    csr.publicKey = subjectKey;
    csr.setSubject([{ shortName: "CN", value: name }]);
    csr.sign(signer, forge.md.sha256.create());
    return { name, csrPem: forge.pki.certificationRequestToPem(csr) };
  });
}

/**
 * Signs a CSR through a replica. A 503 is the CA's bounded queue saying "busy, nothing signed, try
 * again" (200 at once overflow it by design): the client tries again, as it should.
 */
async function sign(replica: Replica, csrPem: string): Promise<{ status: number; serial?: string }> {
  let answer = await signOnce(replica, csrPem);
  for (let retry = 0; answer.status() === 503 && retry < 100; retry++) {
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    answer = await signOnce(replica, csrPem);
  }
  if (answer.status() !== 201) return { status: answer.status() };
  const { certificate } = (await answer.json()) as { certificate: { serialNumber: string } };
  return { status: 201, serial: certificate.serialNumber };
}

function signOnce(replica: Replica, csrPem: string) {
  return http.post(`${replica.baseURL}/api/v1/certificates/sign`, {
    headers: bearer(adminToken),
    data: { csrPem, validityDays: 30 },
    failOnStatusCode: false,
  });
}

function crlNumberAndSerials(pem: string): { number: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), "e2e-crl-"));
  try {
    writeFileSync(join(dir, "crl.pem"), pem);
    const openssl = (...args: string[]) =>
      execFileSync("openssl", ["crl", "-in", join(dir, "crl.pem"), "-noout", ...args], { encoding: "utf8" });
    return { number: openssl("-crlnumber").trim(), text: openssl("-text").toLowerCase() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("200 issuances split across A and B: 200 serials, 200 audit rows, one CRL", async () => {
  test.setTimeout(180_000);
  const requests = csrsFor("replicas-burst", 200);
  const answers = await Promise.all(
    requests.map(({ csrPem }, index) => sign(index % 2 === 0 ? a : b, csrPem)),
  );
  expect(answers.map(({ status }) => status)).toEqual(Array(200).fill(201));
  const serials = answers.map(({ serial }) => serial!);
  expect(new Set(serials).size).toBe(200);
  // The first certificates of this database: the refused tries stored nothing.
  const stored = await query<{ count: string }>("SELECT count(*) FROM certificates");
  expect(Number(stored[0]!.count)).toBe(200);

  for (const replica of [a, b]) {
    const inventory = await inventorySerials(http, replica.baseURL, adminToken);
    expect(inventory.filter((serial) => serials.includes(serial)).sort()).toEqual([...serials].sort());
    const audited = await auditTargets(http, replica.baseURL, adminToken, "certificate.sign-csr");
    expect(audited.filter((serial) => serials.includes(serial)).sort()).toEqual([...serials].sort());
  }

  const revoked = serials[17]!;
  const revocation = await http.post(`${a.baseURL}/api/v1/certificates/${revoked}/revoke`, {
    headers: bearer(adminToken),
    data: { reason: "keyCompromise" },
  });
  expect(revocation.status(), await revocation.text()).toBeLessThan(300);
  const crls = await Promise.all(
    [a, b].map(async (replica) => {
      const answer = await http.get(`${replica.baseURL}/api/v1/ca/crl?format=pem`, {
        headers: bearer(adminToken),
      });
      expect(answer.status()).toBe(200);
      return answer.text();
    }),
  );
  expect(crls[1]).toBe(crls[0]);
  const crl = crlNumberAndSerials(crls[0]!);
  expect(crl.number).toMatch(/^crlNumber=/);
  expect(crl.text.replaceAll(":", "")).toContain(revoked.toLowerCase());
});

test("A killed with SIGKILL mid-issuance: B keeps serving, A restarts, nothing acknowledged is lost or doubled", async () => {
  test.setTimeout(180_000);
  const requests = csrsFor("replicas-kill", 120);
  const acknowledged: string[] = [];
  let onA = 0;
  let killed: Promise<void> | undefined;
  const answersFromB: number[] = [];
  // Eight in flight on each replica; A is killed once it has answered ten.
  const worker = async (replica: Replica, queue: { csrPem: string }[]) => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      let answer: { status: number; serial?: string };
      try {
        answer = await sign(replica, next.csrPem);
      } catch {
        continue; // the connection died with A: not acknowledged
      }
      if (replica === b) answersFromB.push(answer.status);
      if (answer.status !== 201) continue;
      acknowledged.push(answer.serial!);
      if (replica === a && (onA += 1) === 10) killed = a.kill();
    }
  };
  const forA = requests.slice(0, 60);
  const forB = requests.slice(60);
  await Promise.all([
    ...Array.from({ length: 8 }, () => worker(a, forA)),
    ...Array.from({ length: 8 }, () => worker(b, forB)),
  ]);
  expect(killed, "A answered ten before it was killed").toBeDefined();
  await killed;
  expect(answersFromB).toEqual(Array(60).fill(201));

  await a.restart();
  const inventory = await inventorySerials(http, a.baseURL, adminToken);
  expect(new Set(inventory).size).toBe(inventory.length);
  for (const serial of acknowledged) expect(inventory.filter((listed) => listed === serial)).toHaveLength(1);
  const audited = await auditTargets(http, b.baseURL, adminToken, "certificate.sign-csr");
  for (const serial of acknowledged) expect(audited.filter((target) => target === serial)).toHaveLength(1);
  // Whatever A committed without answering is in the inventory with its audit record, once.
  const rows = await query<{ serial: string; audits: string }>(
    `SELECT c.serial, count(a.id) AS audits FROM certificates c
     LEFT JOIN audit_events a ON a.target = c.serial AND a.action = 'certificate.sign-csr'
     GROUP BY c.serial`,
  );
  expect(rows.filter(({ audits }) => Number(audits) !== 1)).toEqual([]);
});
