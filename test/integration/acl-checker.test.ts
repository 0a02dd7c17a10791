// The access checker against a real Kafka 4.3: for generated bindings and requests, what real clients
// experience (kafkajs produce, metadata, a group-less fetch) must equal checkAccess's prediction.
import type { Admin } from "@platformatic/kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkAccess, type AccessRequest } from "@/lib/acl/matcher";
import { createAclBindings, deleteAclBindings, describeAllAcls } from "@/lib/server/kafka/acl-requests";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import {
  CHECKED,
  CLIENT_HOST,
  CLIENTS,
  clientConnection,
  eventually,
  experience,
  generateBindings,
  holds,
  keys,
  mtls,
  SUPER_USERS,
  withConsoleAdmin,
  TOPICS,
} from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";

let broker: TestBroker;
let pool: ClusterPool;

const asConsole = <T>(operation: (admin: Admin) => Promise<T>) => withConsoleAdmin(pool, operation);

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  await asConsole((admin) => admin.createTopics({ topics: TOPICS, partitions: 1, replicas: 1 }));
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

interface Comparison {
  line: string;
  predicted: boolean;
  real: boolean;
  reason: string;
}

/** One round: the generated bindings in place, every client × topic × operation tried for real. */
async function compareRound(seed: number, topicIds: Map<string, string>): Promise<Comparison[]> {
  const generated = generateBindings(14, seed);
  await asConsole((admin) => createAclBindings(admin, generated));
  expect(await eventually(async () => holds(await asConsole(describeAllAcls), keys(generated)))).toBe(true);
  const bindings = await asConsole(describeAllAcls);
  const check = (request: AccessRequest) => checkAccess(bindings, request, { superUsers: SUPER_USERS });
  const rows = await Promise.all(
    CLIENTS.map(async (commonName) => {
      const connection = clientConnection(broker, commonName);
      const comparisons: Comparison[] = [];
      for (const topic of TOPICS) {
        for (const operation of CHECKED) {
          const request: AccessRequest = {
            principal: `User:${commonName}`,
            host: CLIENT_HOST,
            resourceType: "TOPIC",
            resourceName: topic,
            operation,
          };
          const decision = check(request);
          // A producer asks for the topic's metadata first: it needs DESCRIBE as well as WRITE.
          const predicted =
            decision.decision === "ALLOWED" &&
            (operation !== "WRITE" || check({ ...request, operation: "DESCRIBE" }).decision === "ALLOWED");
          const real = await experience(broker, commonName, connection, topic, operation, topicIds);
          const line = `seed ${seed}: ${commonName} ${operation} ${topic}: predicted ${predicted} (${decision.reason}), real ${real}`;
          comparisons.push({ line, predicted, real, reason: decision.reason });
        }
      }
      return comparisons;
    }),
  );
  await asConsole((admin) => deleteAclBindings(admin, generated));
  const gone = async () => {
    const present = new Set(keys(await asConsole(describeAllAcls)));
    return keys(generated).every((key) => !present.has(key));
  };
  expect(await eventually(gone)).toBe(true);
  return rows.flat();
}

describe("the access checker against the real broker", () => {
  it("predicts what real clients experience on generated bindings and requests", async () => {
    const topicIds = await asConsole(async (admin) => {
      const metadata = await admin.metadata({ topics: TOPICS, forceUpdate: true });
      return new Map(TOPICS.map((topic) => [topic, metadata.topics.get(topic)!.id]));
    });
    const comparisons: Comparison[] = [];
    for (const seed of [20261121, 7, 1234]) comparisons.push(...(await compareRound(seed, topicIds)));
    console.info(comparisons.map((comparison) => comparison.line).join("\n"));
    expect(
      comparisons.filter((comparison) => comparison.predicted !== comparison.real).map((c) => c.line),
    ).toEqual([]);
    // The generated cases must exercise both answers and every reason, or the agreement proves little.
    expect(new Set(comparisons.map((comparison) => comparison.real))).toEqual(new Set([true, false]));
    expect(new Set(comparisons.map((comparison) => comparison.reason))).toEqual(
      new Set(["allow", "deny", "no-match"]),
    );
  });
});
