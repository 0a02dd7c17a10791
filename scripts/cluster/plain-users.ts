// The PLAIN users of a broker whose console connection is SASL_SSL with PLAIN, as Java, Python and
// kafkajs clients of Kafka-API services (KoP, gateways) connect: one for the console, a super user
// there, and one for clients, which only its ACLs allow anything.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

import type { BrokerLayout } from "./layout";
import type { PlainSettings } from "./properties";

export const PLAIN_CONSOLE_USER = "svc-console";
export const PLAIN_CLIENT_USER = "plain-client";

/** Generated once into the broker's directory; later calls read them back. */
export function ensurePlainUsers(layout: BrokerLayout): PlainSettings {
  if (existsSync(layout.plainUsers)) {
    return JSON.parse(readFileSync(layout.plainUsers, "utf8")) as PlainSettings;
  }
  const settings: PlainSettings = {
    users: {
      [PLAIN_CONSOLE_USER]: randomBytes(18).toString("base64url"),
      [PLAIN_CLIENT_USER]: randomBytes(18).toString("base64url"),
    },
    superUsers: [PLAIN_CONSOLE_USER],
  };
  mkdirSync(dirname(layout.plainUsers), { recursive: true, mode: 0o700 });
  writeFileSync(layout.plainUsers, JSON.stringify(settings, null, 2), { mode: 0o600 });
  // The console's configuration reads its password from a file of its own.
  writeFileSync(layout.consolePlainPassword, settings.users[PLAIN_CONSOLE_USER]!, { mode: 0o600 });
  return settings;
}
