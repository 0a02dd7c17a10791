// Readiness is a real metadata call with the console's identity; then the default ACLs.
import { readFileSync } from "node:fs";

import {
  AclOperations,
  AclPermissionTypes,
  Admin,
  ResourcePatternTypes,
  ResourceTypes,
} from "@platformatic/kafka";

import { CONSOLE_IDENTITY, type BrokerLayout, type BrokerPorts } from "./layout";
import { isAlive } from "./process";

/** The topics a Morio-style deployment writes to: every client may write them, none may read. */
export const STANDARD_TOPICS = ["logs", "metrics", "events", "audit", "alarms", "checks", "notifications"];

/** An admin client with the console's identity (a super user); the caller closes it. */
export function consoleAdmin(
  layout: BrokerLayout,
  ports: BrokerPorts,
  clientId = `${CONSOLE_IDENTITY}-cluster-script`,
): Admin {
  return new Admin({
    clientId,
    bootstrapBrokers: [`127.0.0.1:${ports.ssl}`],
    tls: {
      ca: readFileSync(layout.caBundle, "utf8"),
      cert: readFileSync(layout.consoleCert, "utf8"),
      key: readFileSync(layout.consoleKey, "utf8"),
    },
    timeout: 5_000,
    retries: 0,
  });
}

function logTail(layout: BrokerLayout, lines = 30): string {
  try {
    return readFileSync(layout.log, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no broker log)";
  }
}

export async function waitUntilReady(
  layout: BrokerLayout,
  ports: BrokerPorts,
  pid: number,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new Error(`The broker exited during start-up. Last lines of ${layout.log}:\n${logTail(layout)}`);
    }
    const admin = consoleAdmin(layout, ports);
    try {
      await admin.metadata({ topics: [] });
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      await admin.close().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The broker did not answer within ${timeoutMs / 1000}s (${lastError}). Log: ${layout.log}`);
}

export async function applyDefaultAcls(layout: BrokerLayout, ports: BrokerPorts): Promise<void> {
  const admin = consoleAdmin(layout, ports);
  try {
    await admin.createAcls({
      creations: STANDARD_TOPICS.flatMap((topic) =>
        [AclOperations.CREATE, AclOperations.DESCRIBE, AclOperations.WRITE].map((operation) => ({
          resourceType: ResourceTypes.TOPIC,
          resourceName: topic,
          resourcePatternType: ResourcePatternTypes.LITERAL,
          principal: "User:*",
          host: "*",
          operation,
          permissionType: AclPermissionTypes.ALLOW,
        })),
      ),
    });
  } finally {
    await admin.close();
  }
}
