// ACLs against a real Kafka 4.3 (StandardAuthorizer, principal = CN): exact create/list/delete through the
// console's pool, translated refusals, and DENY over ALLOW as a kafkajs client feels it. The checker's
// cross-check with real clients is in acl-checker.test.ts.
import type { Admin } from "@platformatic/kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkAccess } from "@/lib/acl/matcher";
import { bindingKey } from "@/lib/acl/types";
import type { ClusterProblem } from "@/lib/schemas/cluster";
import { problemResult } from "@/lib/server/kafka/acls";
import {
  createAclBindings,
  deleteAclBindings,
  describeAllAcls,
  lintAgainstCluster,
} from "@/lib/server/kafka/acl-requests";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import {
  binding,
  CLIENT_HOST,
  eventually,
  holds,
  kafkajsAs,
  kafkajsProduces,
  keys,
  mtls,
  SUPER_USERS,
  withConsoleAdmin,
} from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";

let broker: TestBroker;
let pool: ClusterPool;

const asConsole = <T>(operation: (admin: Admin) => Promise<T>) => withConsoleAdmin(pool, operation);

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([
    mtls(broker, "local", broker.console),
    mtls(broker, "no-acls", broker.issueClientCertificate("acl-nobody")),
  ]);
  await asConsole((admin) => admin.createTopics({ topics: ["deny-test"], partitions: 1, replicas: 1 }));
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

describe("create, list and delete through the pool", () => {
  const target = binding({ principal: "User:exact", resourceName: "orders", operation: "READ" });
  const lookAlikes = [
    binding({ principal: "User:exact", host: "10.0.0.7" }),
    binding({ principal: "User:exact", patternType: "PREFIXED" }),
    binding({ principal: "User:exact", operation: "WRITE" }),
    binding({ principal: "User:exact", permission: "DENY" }),
    binding({ principal: "User:*" }),
    binding({ principal: "User:exact", resourceType: "GROUP" }),
  ];

  it("creates bindings and lists them back at once", async () => {
    // The broker answers CreateAcls before DescribeAcls shows them; createAclBindings waits for that,
    // so the page's reload right after a change already lists them.
    await asConsole((admin) => createAclBindings(admin, [target, ...lookAlikes]));
    expect(holds(await asConsole(describeAllAcls), keys([target, ...lookAlikes]))).toBe(true);
  });

  it("deletes only the chosen binding, leaving every look-alike", async () => {
    const deleted = await asConsole((admin) => deleteAclBindings(admin, [target]));
    expect(deleted).toEqual([target]);
    const listed = keys(await asConsole(describeAllAcls));
    expect(listed).not.toContain(bindingKey(target));
    expect(listed).toEqual(expect.arrayContaining(keys(lookAlikes)));
  });

  it("deletes a PREFIXED binding without touching the LITERAL one of the same name", async () => {
    const prefixed = lookAlikes[1]!;
    const deleted = await asConsole((admin) => deleteAclBindings(admin, [prefixed]));
    expect(deleted).toEqual([prefixed]);
    const listed = keys(await asConsole(describeAllAcls));
    expect(listed).not.toContain(bindingKey(prefixed));
    expect(listed).toContain(bindingKey(lookAlikes[0]!));
  });

  it("reports nothing deleted for a binding the broker does not hold", async () => {
    const absent = binding({ principal: "User:exact", resourceName: "never-created" });
    expect(await asConsole((admin) => deleteAclBindings(admin, [absent]))).toEqual([]);
  });

  it("deletes a selection in one request, answering each", async () => {
    const rest = lookAlikes.filter((_, index) => index !== 1);
    const deleted = await asConsole((admin) => deleteAclBindings(admin, rest));
    expect(keys(deleted)).toEqual(keys(rest));
    const listed = keys(await asConsole(describeAllAcls));
    for (const gone of rest) expect(listed).not.toContain(bindingKey(gone));
  });
});

describe("an identity without ALTER on the cluster", () => {
  it("gets CLUSTER_AUTHORIZATION_FAILED, translated, and changes nothing", async () => {
    const wanted = binding({ principal: "User:should-not-exist" });
    const created = await pool.withAdmin("no-acls", (admin) => createAclBindings(admin, [wanted]), {
      operation: "ALTER",
    });
    expect(created.ok).toBe(false);
    const failure = problemResult((created as { ok: false; problem: ClusterProblem }).problem);
    expect(failure).toMatchObject({ status: 403, code: "CLUSTER_AUTHORIZATION_FAILED" });
    expect(failure.error).toContain("User:acl-nobody may not alter the cluster");
    expect(failure.error).toContain("Grant ALTER on the cluster");
    const listed = await pool.withAdmin("no-acls", describeAllAcls, { operation: "DESCRIBE" });
    expect(listed).toMatchObject({ ok: false, problem: { code: "CLUSTER_AUTHORIZATION_FAILED" } });
    expect(keys(await asConsole(describeAllAcls))).not.toContain(bindingKey(wanted));
  });
});

describe("DENY over ALLOW, as kafkajs experiences it", () => {
  it("refuses a write an ALLOW grants while a DENY exists, and allows it once the DENY goes", async () => {
    const principal = "User:deny-client";
    const allows = [
      binding({ principal, resourceName: "deny-test", operation: "WRITE" }),
      binding({ principal, resourceName: "deny-test", operation: "DESCRIBE" }),
    ];
    const deny = binding({
      principal,
      resourceName: "deny-",
      patternType: "PREFIXED",
      operation: "WRITE",
      permission: "DENY",
    });
    await asConsole((admin) => createAclBindings(admin, [...allows, deny]));
    await eventually(async () => holds(await asConsole(describeAllAcls), keys([...allows, deny])));
    const bindings = await asConsole(describeAllAcls);
    const request = {
      principal,
      host: CLIENT_HOST,
      resourceType: "TOPIC",
      resourceName: "deny-test",
      operation: "WRITE",
    } as const;
    expect(checkAccess(bindings, request, { superUsers: SUPER_USERS })).toEqual({
      decision: "DENIED",
      reason: "deny",
      deciding: [deny],
    });
    const kafka = kafkajsAs(broker, "deny-client");
    expect(await eventually(async () => !(await kafkajsProduces(kafka, "deny-test")))).toBe(true);

    await asConsole((admin) => deleteAclBindings(admin, [deny]));
    await eventually(async () => !holds(await asConsole(describeAllAcls), [bindingKey(deny)]));
    expect(checkAccess(await asConsole(describeAllAcls), request, { superUsers: SUPER_USERS }).decision).toBe(
      "ALLOWED",
    );
    expect(await eventually(() => kafkajsProduces(kafka, "deny-test"))).toBe(true);
  });
});

describe("the lint before creating", () => {
  it("flags what the new bindings would run into on the cluster: a wildcard principal, an existing DENY, an existing twin", async () => {
    const deny = binding({
      principal: "User:*",
      resourceName: "lint-",
      patternType: "PREFIXED",
      operation: "ALL",
      permission: "DENY",
    });
    const existing = binding({ principal: "User:lint-twin", resourceName: "deny-test" });
    await asConsole((admin) => createAclBindings(admin, [deny, existing]));
    const shadowed = binding({ principal: "User:lint-app", resourceName: "lint-orders" });
    const wildcard = binding({ principal: "User:*.clients.x", resourceName: "deny-test" });
    const findings = await asConsole((admin) => lintAgainstCluster(admin, [shadowed, wildcard, existing]));
    expect(findings.map((finding) => [finding.code, finding.bindings.map(bindingKey)])).toEqual([
      ["wildcard-principal", [bindingKey(wildcard)]],
      ["shadowed-by-deny", [bindingKey(shadowed), bindingKey(deny)]],
      ["duplicate", [bindingKey(existing)]],
      ["unknown-topic", [bindingKey(shadowed)]],
    ]);
    await asConsole((admin) => deleteAclBindings(admin, [deny, existing]));
  });
});
