// The KRaft controller listener is no way around the authorizer: a CA-issued certificate that is
// not a super user cannot grant itself access there. Proven with Java's kafka-clients Admin, which
// can talk to controllers directly (bootstrap.controllers).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestBroker, type TestBroker } from "../support/broker";

import { JARS as BROKER_JARS } from "../../scripts/cluster/broker";

const JARS = join(BROKER_JARS, "*");
const PROBE = fileURLToPath(new URL("./java/CreateAclViaControllers.java", import.meta.url));

let broker: TestBroker;

beforeAll(async () => {
  broker = await startTestBroker();
});

afterAll(async () => {
  await broker?.dispose();
});

function grantViaControllers(identity: { cert: string; key: string }, principal: string) {
  const dir = mkdtempSync(join(broker.dir, "java-"));
  const files = { ca: join(dir, "ca.pem"), cert: join(dir, "cert.pem"), key: join(dir, "key.pem") };
  writeFileSync(files.ca, broker.ca);
  writeFileSync(files.cert, identity.cert);
  writeFileSync(files.key, identity.key);
  const controllers = `127.0.0.1:${broker.ports.controller}`;
  const result = spawnSync(
    "java",
    ["-cp", JARS, PROBE, controllers, files.ca, files.cert, files.key, principal, "metrics"],
    { encoding: "utf8", timeout: 90_000 },
  );
  return `${result.stdout}${result.stderr}`.trim();
}

describe("the controller listener", () => {
  it("refuses an ACL change from a certificate that is not a super user", () => {
    const intruder = broker.issueClientCertificate("intruder");
    expect(grantViaControllers(intruder, "User:intruder")).toMatch(/^FAILED ClusterAuthorizationException/m);
  });

  it("accepts the same change from the console's identity", () => {
    expect(grantViaControllers(broker.console, "User:reader")).toMatch(/^CREATED$/m);
  });
});
