// The flow the console exists for: a developer gets a certificate, an operator grants its CN read
// access, and the developer's kafkajs client reads the topic over mTLS.
import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";

import { storageStateFor } from "./support/credentials";
import { grantRead, kafkaAs, readFirst, topicWithMessage } from "./support/kafka";

test.use({ storageState: storageStateFor("operator") });

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

/** A CSR and its key from openssl, as a user makes them: the key stays in this process. */
function opensslCsr(commonName: string, extraArgs: string[] = []): { csrPem: string; keyPem: string } {
  const dir = mkdtempSync(join(tmpdir(), "e2e-csr-"));
  execFileSync(
    "openssl",
    [
      ...["req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", `/CN=${commonName}`, ...extraArgs],
      ...["-keyout", join(dir, "key.pem"), "-out", join(dir, "csr.pem")],
    ],
    { stdio: "ignore" },
  );
  return {
    csrPem: readFileSync(join(dir, "csr.pem"), "utf8"),
    keyPem: readFileSync(join(dir, "key.pem"), "utf8"),
  };
}

test("a certificate issued in the browser reads a topic over mTLS once its CN is granted", async ({
  page,
}) => {
  const commonName = unique("stream-processor");
  const topic = unique("sensor-readings");
  await topicWithMessage(topic, '{"temp":21.5}');

  await page.goto("/tools/certificates");
  const form = page.getByRole("form", { name: "Issue a certificate" });
  await form.getByLabel("Common name (CN)").fill(commonName);
  await form.getByRole("button", { name: "Issue certificate" }).click();
  await expect(page.getByRole("heading", { name: `Issued certificate for ${commonName}` })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Private key (PEM)" })).toHaveValue(/BEGIN PRIVATE KEY/);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Download certificate\.zip/ }).click();
  const zipPath = join(mkdtempSync(join(tmpdir(), "e2e-zip-")), "certificate.zip");
  await (await download).saveAs(zipPath);
  const files = Object.fromEntries(
    Object.entries(unzipSync(readFileSync(zipPath))).map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
  expect(Object.keys(files).sort()).toEqual(["README.txt", "ca.pem", "cert.pem", "chain.pem", "key.pem"]);

  // The files as a developer uses them: the chain as the client certificate, the CA to verify the broker.
  const client = kafkaAs({ cert: files["chain.pem"]!, key: files["key.pem"]! }, files["ca.pem"]!);
  const group = `${commonName}-group`;
  await expect(readFirst(client, topic, group)).rejects.toThrow(/not authorized|authorization/i);

  await grantRead(`User:${commonName}`, topic, group);
  expect(await readFirst(client, topic, group)).toBe('{"temp":21.5}');
});

test("a CSR signed over REST and a certificate generated in Morio's shape both connect", async ({
  page,
  baseURL,
}) => {
  const headers = { Origin: baseURL! };
  const csrName = unique("csr-client");
  const request = opensslCsr(csrName);
  const signed = await page.request.post("/api/v1/certificates/sign", {
    headers,
    data: { csrPem: request.csrPem, validityDays: 30 },
  });
  expect(signed.status(), await signed.text()).toBe(201);
  const bundle = (await signed.json()) as {
    certificate: { commonName: string };
    chainPem: string[];
    privateKeyPem?: string;
  };
  expect(bundle.certificate.commonName).toBe(csrName);
  expect(bundle.privateKeyPem).toBeUndefined(); // the key never left this machine

  const topic = unique("csr-topic");
  await topicWithMessage(topic, "signed by the console's CA");
  await grantRead(`User:${csrName}`, topic, `${csrName}-group`);
  const csrClient = kafkaAs({
    cert: bundle.chainPem.join(""),
    key: request.keyPem,
  });
  expect(await readFirst(csrClient, topic, `${csrName}-group`)).toBe("signed by the console's CA");

  const morioName = unique("morio-client");
  const notAfter = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const generated = await page.request.post("/api/v1/certificates", {
    headers,
    data: { certificate: { cn: morioName, o: "Morio", san: ["DNS:processor.example.com"] }, notAfter },
  });
  expect(generated.status(), await generated.text()).toBe(201);
  const answer = (await generated.json()) as {
    certificate: { crt: string; certChain: string[] };
    key: string;
  };
  expect(answer.certificate.certChain).toHaveLength(2);
  expect(new X509Certificate(answer.certificate.crt).subjectAltName).toBe("DNS:processor.example.com");
  await grantRead(`User:${morioName}`, topic, `${morioName}-group`);
  const morioClient = kafkaAs({ cert: answer.certificate.certChain.join(""), key: answer.key });
  expect(await readFirst(morioClient, topic, `${morioName}-group`)).toBe("signed by the console's CA");
});

test("an operator cannot issue a reserved name, and a bad SAN is refused field by field", async ({
  page,
  baseURL,
}) => {
  const headers = { Origin: baseURL! };
  const reserved = await page.request.post("/api/v1/certificates", {
    headers,
    data: { commonName: "kafka-console", validityDays: 30 },
  });
  expect(reserved.status(), await reserved.text()).toBe(403);

  const badSan = await page.request.post("/api/v1/certificates", {
    headers,
    data: {
      commonName: unique("bad-san"),
      validityDays: 30,
      subjectAltNames: [{ type: "ip", value: "not-an-ip" }],
    },
  });
  expect(badSan.status()).toBe(422);
  expect(JSON.stringify(await badSan.json())).toContain("subjectAltNames");

  const listed = await page.request.get("/api/v1/certificates?q=bad-san");
  expect(((await listed.json()) as { certificates: unknown[] }).certificates).toHaveLength(0);
});

test("an operator cannot mint a broker certificate: serverAuth, broker names and IP SANs are refused on every path", async ({
  page,
  baseURL,
  playwright,
}) => {
  const headers = { Origin: baseURL! };
  const prefix = unique("not-a-broker");
  const post = (data: unknown) => page.request.post("/api/v1/certificates", { headers, data });
  const refusal = async (response: Awaited<ReturnType<typeof post>>) =>
    ((await response.json()) as { error: { message: string } }).error.message;

  // The request, verbatim: the IP SAN is outside this CA's policy whoever asks.
  const verbatim = await post({
    commonName: `${prefix}-x`,
    serverAuth: true,
    subjectAltNames: [
      { type: "dns", value: "localhost" },
      { type: "ip", value: "127.0.0.1" },
    ],
  });
  expect(verbatim.status()).toBe(422);
  expect(await refusal(verbatim)).toContain("ca.subjectAltNames.allowIpAddresses");

  const serverAuth = await post({ commonName: `${prefix}-s`, serverAuth: true });
  expect(serverAuth.status()).toBe(403);
  expect(await refusal(serverAuth)).toMatch(/only an admin may issue one/);

  const brokerName = await post({
    commonName: `${prefix}-d`,
    subjectAltNames: [{ type: "dns", value: "localhost" }],
  });
  expect(brokerName.status()).toBe(403);
  expect(await refusal(brokerName)).toContain("a broker's address");

  const morio = await post({ certificate: { cn: `${prefix}-m`, san: ["DNS:localhost"] } });
  expect(morio.status()).toBe(403);
  const tld = await post({ certificate: { cn: `${prefix}-t`, san: ["DNS:*.com"] } });
  expect(tld.status()).toBe(422);

  const { csrPem } = opensslCsr(`${prefix}-csr`, ["-addext", "subjectAltName=DNS:localhost"]);
  const signed = await page.request.post("/api/v1/certificates/sign", { headers, data: { csrPem } });
  expect(signed.status(), await signed.text()).toBe(403);
  const signedServer = await page.request.post("/api/v1/certificates/sign", {
    headers,
    data: { csrPem, serverAuth: true, subjectAltNames: [] },
  });
  expect(signedServer.status()).toBe(403);

  const listed = await page.request.get(`/api/v1/certificates?q=${prefix}`);
  expect(((await listed.json()) as { certificates: unknown[] }).certificates).toHaveLength(0);

  // An admin may: the certificate is then one openssl accepts for a TLS server named localhost.
  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateFor("admin") });
  const broker = await admin.post("/api/v1/certificates", {
    headers,
    data: {
      commonName: `${prefix}-broker`,
      serverAuth: true,
      subjectAltNames: [{ type: "dns", value: "localhost" }],
    },
  });
  expect(broker.status(), await broker.text()).toBe(201);
  const bundle = (
    (await broker.json()) as { bundle: { certificatePem: string; chainPem: string[]; caPem: string } }
  ).bundle;
  await admin.dispose();
  const dir = mkdtempSync(join(tmpdir(), "e2e-broker-certificate-"));
  const files = {
    leaf: join(dir, "leaf.pem"),
    root: join(dir, "root.pem"),
    intermediate: join(dir, "intermediate.pem"),
  };
  writeFileSync(files.leaf, bundle.certificatePem);
  writeFileSync(files.root, bundle.caPem);
  writeFileSync(files.intermediate, bundle.chainPem[1]!);
  const verified = execFileSync(
    "openssl",
    [
      "verify",
      "-purpose",
      "sslserver",
      "-verify_hostname",
      "localhost",
      "-CAfile",
      files.root,
      "-untrusted",
      files.intermediate,
      files.leaf,
    ],
    { encoding: "utf8" },
  );
  expect(verified).toContain(": OK");
});

test("look-alike, invisible and '*' CNs are refused, naming the character", async ({ page, baseURL }) => {
  const headers = { Origin: baseURL! };
  const post = (commonName: string) =>
    page.request.post("/api/v1/certificates", { headers, data: { commonName, validityDays: 30 } });
  const lookAlike = await post("kafka-cons\u043ele");
  expect(lookAlike.status()).toBe(403);
  expect(await lookAlike.text()).toContain(
    "kafka-cons\u043ele looks like the reserved name kafka-console (U+043E CYRILLIC SMALL LETTER O)",
  );
  const bidi = await post("\u202eelosnoc-akfak");
  expect(bidi.status()).toBe(422);
  expect(await bidi.text()).toContain("U+202E RIGHT-TO-LEFT OVERRIDE, an invisible bidi control");
  expect((await post("*")).status()).toBe(422);
  expect((await post("*.clients.x")).status()).toBe(422);
});

test("the CN field refuses a pasted 65-character name and tells who already has a name", async ({
  page,
  baseURL,
}) => {
  await page.goto("/tools/certificates");
  const form = page.getByRole("form", { name: "Issue a certificate" });
  const field = form.getByLabel("Common name (CN)");
  const tooLong = `${unique("long")}-${"x".repeat(64)}`.slice(0, 65);
  await field.fill(tooLong);
  await expect(field).toHaveValue(tooLong);
  await expect(form.getByText("At most 64 characters")).toBeVisible();
  await form.getByRole("button", { name: "Issue certificate" }).click();
  await expect(form.getByText("At most 64 characters")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Issued certificate for/ })).toHaveCount(0);

  const commonName = unique("in-use");
  const topic = unique("in-use-topic");
  await topicWithMessage(topic, "x");
  const first = await page.request.post("/api/v1/certificates", {
    headers: { Origin: baseURL! },
    data: { commonName, validityDays: 30 },
  });
  expect(first.status(), await first.text()).toBe(201);
  await grantRead(`User:${commonName}`, topic, `${commonName}-group`);
  await field.fill(commonName);
  await expect(form.getByRole("status")).toHaveText(
    new RegExp(
      `already has 1 valid certificate, [1-9]\\d* bindings? on cluster e2e and 0 bindings on cluster e2e-plain`,
    ),
  );
});

test.describe("an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("revokes a certificate, and the public CRL lists it", async ({ page, baseURL, playwright }) => {
    const commonName = unique("to-revoke");
    const issued = await page.request.post("/api/v1/certificates", {
      headers: { Origin: baseURL! },
      data: { commonName, validityDays: 30 },
    });
    expect(issued.status(), await issued.text()).toBe(201);
    // The answer is Morio's shape plus our fields: the serial sits at the top.
    const { serial } = (await issued.json()) as { serial: string };

    await page.goto(`/tools/certificates/${serial}`);
    await page.getByRole("button", { name: "Revoke…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason").selectOption("keyCompromise");
    await dialog.getByRole("button", { name: "Revoke certificate" }).click();
    await expect(page.getByText(/revoked/i).first()).toBeVisible();

    // Anyone may fetch the CRL: no cookies, no token.
    const anonymous = await playwright.request.newContext({ baseURL });
    const crl = await anonymous.get("/tools/ca/crl.der");
    expect(crl.status()).toBe(200);
    expect(crl.headers()["content-type"]).toContain("application/pkix-crl");
    const crlPath = join(mkdtempSync(join(tmpdir(), "e2e-crl-")), "crl.der");
    writeFileSync(crlPath, await crl.body());
    await anonymous.dispose();
    const text = execFileSync("openssl", ["crl", "-inform", "DER", "-in", crlPath, "-noout", "-text"], {
      encoding: "utf8",
    });
    expect(text.toUpperCase().replace(/:/g, "")).toContain(serial.toUpperCase().replace(/^0+/, ""));
    expect(text).toContain("Key Compromise");
  });
});
